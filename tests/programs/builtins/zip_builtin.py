# Checks zip stops at the shortest input, unzips with *, and strict=True raising ValueError.
print(list(zip([1, 2, 3], "ab")))
print(list(zip()), list(zip([1])))
pairs = [(1, "a"), (2, "b")]
numbers, letters = zip(*pairs)
print(numbers, letters)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as error:
    print("ValueError:", error)
print(dict(zip(["k1", "k2"], [1, 2])))
