# Checks range: repr, len, indexing, slicing, negative steps, membership, equality, errors.
r = range(2, 20, 3)
print(r, len(r), list(r), r[0], r[-1], r[1:3], 11 in r, 12 in r)
print(list(range(5, 0, -2)), list(range(0)), range(0, 3) == range(3), r.index(8), r.count(5))
print(range(10 ** 20)[-1], len(range(-5, 5)))
try:
    range(1, 2, 0)
except ValueError as error:
    print("ValueError:", error)
