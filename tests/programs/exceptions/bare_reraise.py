# Checks a bare `raise` re-raises the exception being handled.
def risky():
    try:
        raise ValueError("original")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    risky()
except ValueError as error:
    print("outer got", error)
try:
    raise
except RuntimeError as error:
    print("RuntimeError:", error)
