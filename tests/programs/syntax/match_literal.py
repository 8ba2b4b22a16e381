# Checks match with literal patterns (ints, strings, None, True).
def describe(value):
    match value:
        case 0:
            return "zero"
        case "hello":
            return "greeting"
        case None:
            return "nothing"
        case True:
            return "true"
        case -1:
            return "minus one"
        case _:
            return "other"

for value in (0, "hello", None, True, -1, 3.5, 1):
    print(repr(value), describe(value))
