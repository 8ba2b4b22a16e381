# Checks str() and repr() of exceptions with zero, one and several arguments.
for error in (Exception(), Exception("one"), Exception("a", 2), KeyError("key"), ValueError(3)):
    print(repr(str(error)), repr(error), error.args)
