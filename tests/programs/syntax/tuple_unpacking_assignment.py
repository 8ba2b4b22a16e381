# Checks tuple unpacking in assignment, swaps and for loops.
a, b = 1, 2
a, b = b, a
print(a, b)
(x, y), z = (10, 20), 30
print(x, y, z)
for index, (key, value) in enumerate([("k1", 1), ("k2", 2)]):
    print(index, key, value)
[p, q] = "PQ"
print(p, q)
try:
    m, n = [1, 2, 3]
except ValueError as error:
    print("ValueError:", error)
try:
    m, n, o = [1, 2]
except ValueError as error:
    print("ValueError:", error)
