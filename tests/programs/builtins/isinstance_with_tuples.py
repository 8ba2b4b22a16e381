# Checks isinstance with a single type, a tuple of types and bool/int subtleties.
for value in (1, True, 1.5, "s", None, [1]):
    print(repr(value), isinstance(value, int), isinstance(value, (float, str)), isinstance(value, (list, type(None))))
try:
    isinstance(1, "int")
except TypeError as error:
    print("TypeError:", error)
