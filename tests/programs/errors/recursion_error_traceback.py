# Checks infinite recursion ends in an uncaught RecursionError (exit 1).
def forever(n):
    return forever(n + 1)
forever(0)
