# Checks TypeError messages from builtins called with the wrong arguments.
for call in (lambda: len(), lambda: len(1, 2), lambda: abs("x"), lambda: int("1", 2, 3), lambda: "abc".split(1)):
    try:
        call()
    except TypeError as error:
        print("TypeError:", error)
