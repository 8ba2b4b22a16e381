# Checks sum with the default and an explicit start, floats, and the error for strings.
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 10), sum([], 5))
print(sum([[1], [2, 3]], []), sum(x * x for x in range(4)))
try:
    sum(["a", "b"], "")
except TypeError as error:
    print("TypeError:", error)
