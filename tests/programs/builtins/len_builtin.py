# Checks len() of each sized builtin and the TypeError for unsized values.
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len({1, 2, 3}), len(range(10)), len(b"xy"), len(frozenset()))
try:
    len(5)
except TypeError as error:
    print("TypeError:", error)
