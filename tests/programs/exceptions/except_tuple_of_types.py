# Checks one except clause catching a tuple of exception types.
for thrower in (lambda: int("x"), lambda: None + 1, lambda: [][1]):
    try:
        thrower()
    except (ValueError, TypeError) as error:
        print("handled", type(error).__name__)
    except IndexError:
        print("index problem")
