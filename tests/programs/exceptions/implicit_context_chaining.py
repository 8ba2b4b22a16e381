# Checks an exception raised while handling another gets __context__ set automatically.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as error:
    print(repr(error), repr(error.__context__), error.__cause__)
