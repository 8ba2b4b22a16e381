# Checks tuples: single-element syntax, immutability, count/index, comparison, hashing.
t = (1, 2, 2, 3)
print(t.count(2), t.index(3), (1,), (), tuple("ab"), 1, 2)
print((1, 2) < (1, 3), (1, 2) + (3,), (0,) * 3)
try:
    t[0] = 5
except TypeError as error:
    print("TypeError:", error)
print({(1, 2): "tuple keys work"}[(1, 2)])
try:
    hash((1, [2]))
except TypeError as error:
    print("TypeError:", error)
