# Checks a generator's return value travels in StopIteration.value.
def gen():
    yield 1
    return "done"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as stop:
    print("StopIteration value:", stop.value)
