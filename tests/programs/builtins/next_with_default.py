# Checks next() with a default on exhaustion and TypeError on a non-iterator.
it = iter("ab")
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next([1])
except TypeError as error:
    print("TypeError:", error)
