# Checks frozenset is immutable, hashable and equal to a set with the same elements.
fs = frozenset([1, 2, 2, 3])
print(fs, len(fs), fs == {1, 2, 3})
print({fs: "as a key"}[frozenset({3, 2, 1})])
print(fs | {4}, type(fs | {4}).__name__)
try:
    fs.add(4)
except AttributeError as error:
    print("AttributeError:", error)
print(frozenset(), {frozenset(), frozenset()})
