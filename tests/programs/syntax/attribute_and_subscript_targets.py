# Checks assignment to attributes, subscripts and slices, including in for targets.
class Box:
    pass

box = Box()
box.items = [0, 0, 0]
box.items[1] = "mid"
box.items[-1] = "end"
print(box.items)
grid = {}
grid["a"], grid["b"] = 1, 2
print(grid)
for box.value in range(3):
    pass
print(box.value)
matrix = [[0] * 3 for _ in range(2)]
matrix[1][2] = 9
print(matrix)
