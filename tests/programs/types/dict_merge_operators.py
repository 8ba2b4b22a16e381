# Checks | and |= on dicts (3.9+), and dict(), zip construction, comprehension equality.
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a)
a |= b
print(a)
print(dict(zip("abc", range(3))), dict(a=1, b=2), dict([("k", "v")]))
