def numbers(limit):
    for i in range(limit):
        received = yield i
        if received:
            print("received", received)
    return "finished"


def delegate():
    result = yield from numbers(3)
    print("delegate got", result)
    yield "last"


print(list(delegate()))
gen = numbers(5)
print(next(gen), gen.send("hello"), next(gen))
gen.close()
print(list(gen))


def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


g = guarded()
print(next(g))
del g
print("after del")


def catcher():
    while True:
        try:
            yield
        except ValueError as error:
            print("caught", error)


c = catcher()
next(c)
c.throw(ValueError("boom"))
c.throw(ValueError, "again")
try:
    c.throw(KeyError("k"))
except KeyError as error:
    print("escaped", repr(error))


def bad():
    yield 1
    raise StopIteration


try:
    list(bad())
except RuntimeError as error:
    print(error, type(error.__cause__).__name__)
squares = (x * x for x in range(4))
print(sum(squares), sum(squares))
print([y for x in [[1, 2], [3]] for y in x if y != 2])
print({k: v for k, v in zip("ab", range(2))}, {x % 3 for x in range(10)})
