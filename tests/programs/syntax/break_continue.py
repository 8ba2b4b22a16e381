# Checks break and continue in nested loops: they affect only the innermost loop.
for i in range(4):
    if i == 1:
        continue
    for j in range(4):
        if j == 2:
            break
        print(i, j)
total = 0
for n in range(10):
    if n % 2:
        continue
    total += n
print("even total", total)
