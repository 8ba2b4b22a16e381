# Checks an exhausted generator keeps raising StopIteration and iterates as empty.
def two():
    yield 1
    yield 2
g = two()
print(list(g), list(g), next(g, "empty"))
