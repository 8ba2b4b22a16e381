# Checks an exception raised in finally replaces the original one, which becomes its context.
try:
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
except Exception as error:
    print(repr(error), repr(error.__context__))
