# Checks repr() of builtin values differs from str() where it should.
for value in ("text", 1, 1.0, None, [1, "a"], {"k": (1,)}, b"b", {1}, set(), frozenset({1}), range(3), True):
    print(repr(value), str(value))
