# Checks next() on an exhausted iterator raises StopIteration, catchable like any exception.
it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as error:
    print("StopIteration", error.args)
