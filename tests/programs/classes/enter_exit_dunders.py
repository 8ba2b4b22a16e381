# Checks __enter__ / __exit__: the as-target gets __enter__'s value, __exit__ sees the exception.
class Resource:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("open", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, traceback):
        print("close", self.name, exc_type.__name__ if exc_type else None, exc)
        return False
with Resource("db") as handle:
    print("using", handle)
try:
    with Resource("file"):
        raise KeyError("missing")
except KeyError as error:
    print("propagated", repr(error))
with Resource("a") as a, Resource("b") as b:
    print("both", a, b)
