# Checks min/max on iterables and arguments, with key and default, and the empty error.
print(min(3, 1, 2), max([3, 1, 2]), max("hello"), min([(2, "b"), (1, "z")]))
words = ["pear", "fig", "banana"]
print(min(words, key=len), max(words, key=len), max(words, key=lambda w: w[-1]))
print(max([], default="none"), min([], key=len, default=0))
try:
    max([])
except ValueError as error:
    print("ValueError:", error)
print(max([1, 3, 3], key=lambda x: 0))
