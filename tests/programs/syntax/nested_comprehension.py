# Checks nested comprehensions: matrix transpose and flattening.
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([value for row in matrix for value in row])
print([[0 for _ in range(2)] for _ in range(2)])
