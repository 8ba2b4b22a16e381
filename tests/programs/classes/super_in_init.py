# Checks super().__init__ chaining initialisers and super() with explicit arguments.
class Shape:
    def __init__(self, name):
        self.name = name
        print("Shape init", name)
class Square(Shape):
    def __init__(self, side):
        super().__init__("square")
        self.side = side
        print("Square init", side)
    def area(self):
        return self.side ** 2
class Cube(Square):
    def area(self):
        return 6 * super(Cube, self).area()
c = Cube(3)
print(c.name, c.side, c.area())
