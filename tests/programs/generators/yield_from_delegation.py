# Checks yield from delegates to a sub-generator and to plain iterables.
def inner():
    yield 1
    yield 2
def outer():
    yield 0
    yield from inner()
    yield from [3, 4]
    yield from "ab"
print(list(outer()))
