# Checks unpacking works from any iterable: dicts, sets (sorted), strings, ranges and generators.
a, b = {"x": 1, "y": 2}
print(a, b)
c, d = range(2)
e, f = (n * 10 for n in (1, 2))
print(c, d, e, f)
(g, h), = [("p", "q")]
print(g, h)
