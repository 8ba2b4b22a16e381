# Checks sorted with key, reverse, stability and on various iterables.
words = ["banana", "pie", "Apple", "cherry", "fig"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=str.lower, reverse=True))
print(sorted("hello"), sorted({3: "c", 1: "a"}), sorted((3, 1, 2), reverse=True))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
