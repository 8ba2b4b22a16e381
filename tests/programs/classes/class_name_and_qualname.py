# Checks __name__, __qualname__, __module__ and __doc__ of classes and methods.
class Outer:
    """Outer's docstring."""
    class Inner:
        def method(self):
            pass
print(Outer.__name__, Outer.Inner.__qualname__, Outer.Inner.method.__qualname__)
print(Outer.__module__, Outer.__doc__)
print(type(Outer()).__name__, type(Outer).__name__)
