# Checks * and ** unpacking inside list, tuple, set and dict displays.
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print(sorted({*a, *b, 2}))
defaults = {"color": "red", "size": 1}
overrides = {"size": 3}
print({**defaults, **overrides, "extra": True})
print([*"hi", *range(2)])
print({**{}, "k": 1})
