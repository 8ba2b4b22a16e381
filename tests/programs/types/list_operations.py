# Checks list +, *, comparison, nested mutation through aliases and multiplication of lists.
a = [1, 2]
print(a + [3], a * 2, [a] * 2, a < [1, 3], [1, 2] == [1, 2])
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
print(len([]), [1, [2, [3]]][1][1][0])
print(list(range(3)), list("ab"), list({"k": 1}))
