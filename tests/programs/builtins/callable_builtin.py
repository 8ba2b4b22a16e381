# Checks callable() on functions, classes, instances with and without __call__, and values.
class WithCall:
    def __call__(self): pass
class Without: pass
print(callable(print), callable(len), callable(lambda: 0), callable(WithCall), callable(WithCall()), callable(Without()), callable(1), callable("s"))
