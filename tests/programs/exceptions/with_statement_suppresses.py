# Checks a context manager whose __exit__ returns True suppresses the exception.
class Ignore:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            print("suppressed", exc_type.__name__)
            return True
        return False
with Ignore(ZeroDivisionError):
    1 / 0
    print("not reached")
print("after the with")
try:
    with Ignore(ZeroDivisionError):
        int("x")
except ValueError:
    print("ValueError was not suppressed")
