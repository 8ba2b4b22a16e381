# Checks class patterns with positional (__match_args__) and keyword sub-patterns, and builtin types.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def where(point):
    match point:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on the y axis at {y}"
        case Point(x, 0):
            return f"on the x axis at {x}"
        case Point():
            return "somewhere else"
        case int(n) | float(n):
            return f"a number {n}"
        case str():
            return "a string"

for value in (Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), 7, 2.5, "s"):
    print(where(value))
