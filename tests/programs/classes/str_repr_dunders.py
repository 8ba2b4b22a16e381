# Checks __str__ and __repr__: print/str use __str__, containers and repr() use __repr__.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"
p = Point(1, "2")
print(p)
print(str(p), repr(p))
print([p], {"key": p})
print(f"{p} {p!r}")
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr!"
print(OnlyRepr(), str(OnlyRepr()))
