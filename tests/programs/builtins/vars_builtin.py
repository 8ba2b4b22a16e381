# Checks vars() of an instance, of a class (filtered), and without arguments at module level.
class Point:
    kind = "2d"
    def __init__(self):
        self.x = 1
        self.y = 2
print(vars(Point()))
print(sorted(k for k in vars(Point) if not k.startswith("__")))
marker = "module level"
print(vars()["marker"])
try:
    vars(5)
except TypeError as error:
    print("TypeError:", error)
