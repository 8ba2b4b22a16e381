# Checks list, tuple, dict, set and frozenset constructors from iterables and keywords.
print(list("abc"), tuple([1, 2]), set("aab") == {"a", "b"}, frozenset([1, 1]))
print(dict([("a", 1)], b=2), dict({"x": 1}), list({"k": 1}.items()))
print(list(), tuple(), dict(), set())
try:
    dict([1, 2])
except TypeError as error:
    print("TypeError:", error)
