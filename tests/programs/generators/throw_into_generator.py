# Checks throw() raises inside the generator at the paused yield, which may handle it.
def resilient():
    while True:
        try:
            yield "ready"
        except ValueError as error:
            print("generator handled", error)
g = resilient()
print(next(g))
print(g.throw(ValueError("bad value")))
def fragile():
    yield 1
f = fragile()
next(f)
try:
    f.throw(KeyError("k"))
except KeyError as error:
    print("propagated", repr(error))
