def risky(n):
    if n == 0:
        raise ValueError("zero")
    return 10 // n


for n in [2, 0]:
    try:
        print(risky(n))
    except ValueError as error:
        print("caught", error)
    else:
        print("no error")
    finally:
        print("finally", n)

try:
    try:
        risky(0)
    except ValueError:
        {}["missing"]
except KeyError as error:
    print(repr(error), repr(error.__context__))

try:
    try:
        1 / 0
    except ZeroDivisionError as error:
        raise RuntimeError("wrapped") from error
except RuntimeError as error:
    print(repr(error.__cause__), error.__suppress_context__)


class Managed:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, kind, value, traceback):
        print("exit", kind.__name__ if kind else None)
        return kind is KeyError


with Managed() as managed:
    print("inside")
with Managed():
    raise KeyError("swallowed")
print("after with")


def loop_control():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            print("body", i)
        finally:
            print("finally", i)
    return "done"


print(loop_control())
try:
    raise
except RuntimeError as error:
    print(error)
x = 5
del x
try:
    print(x)
except NameError as error:
    print(error)


def unbound():
    print(y)
    y = 1


try:
    unbound()
except UnboundLocalError as error:
    print(error)
a, *b, c = range(5)
print(a, b, c)
try:
    a, b = [1, 2, 3]
except ValueError as error:
    print(error)
assert a == 0
try:
    assert a == 1, "a is not one"
except AssertionError as error:
    print(error)
