# Checks the traceback of an uncaught exception raised while handling another (exit 1, last line).
def parse(text):
    try:
        return int(text)
    except ValueError:
        raise RuntimeError("could not parse " + repr(text))
print("parsing")
parse("x1")
