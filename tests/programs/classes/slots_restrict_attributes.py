# Checks __slots__ prevents new attributes.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
try:
    p.z = 3
except AttributeError as error:
    print("AttributeError:", error)
print(p.x, p.y, hasattr(p, "__dict__"))
