# Checks any/all on empty and non-empty iterables and their short-circuiting.
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any([0, 1]), all([1, 0]))
def noisy(value):
    print("checked", value)
    return value
print(any(noisy(v) for v in [0, 1, 2]))
print(all(noisy(v) for v in [1, 0, 2]))
