def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def describe(a, b=2, *rest, key="k", **extra):
    return (a, b, rest, key, sorted(extra.items()))


print(fib(20))
print(describe(1))
print(describe(1, 3, 4, 5, key="x", z=1, y=2))
print(describe(*[7, 8], **{"key": "q"}))


def counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump


bump = counter()
bump()
print(bump(5), bump.__name__, bump.__qualname__)


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(3, 4)
print(p.norm2(), p, [Point(i, i) for i in range(3)])
method = p.norm2
print(method(), method.__func__.__name__)
print(sum(i * i for i in range(10)))
print((lambda *a, **k: (a, k))(1, 2, x=3))
for args in [(), (1, 2, 3)]:
    try:
        fib(*args)
    except TypeError as error:
        print(error)
try:
    describe(1, a=2)
except TypeError as error:
    print(error)
