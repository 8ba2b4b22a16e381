# Checks namedtuple: repr, field access, indexing, unpacking, _replace, _asdict, defaults.
from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], tuple(p))
x, y = p
print(x + y, p._replace(x=10), p._asdict(), Point._fields)
Color = namedtuple("Color", "r g b", defaults=[0])
print(Color(1, 2), isinstance(p, tuple), p == (1, 2))
try:
    p.x = 5
except AttributeError as error:
    print("AttributeError:", error)
