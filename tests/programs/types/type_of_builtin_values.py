# Checks type().__name__ of every builtin type's values.
def gen():
    yield
async def coro():
    pass
values = [None, True, 1, 1.5, "s", b"b", [], (), {}, set(), frozenset(), range(1), slice(1), len, gen, gen(), type, object(), ..., NotImplemented, print]
print([type(v).__name__ for v in values])
c = coro()
print(type(c).__name__)
c.close()
