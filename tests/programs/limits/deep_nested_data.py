# Checks deeply nested lists (depth 500) built and walked iteratively.
root = []
node = root
for _ in range(500):
    child = []
    node.append(child)
    node = child
depth = 0
node = root
while node:
    node = node[0]
    depth += 1
print(depth)
