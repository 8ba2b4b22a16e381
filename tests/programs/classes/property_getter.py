# Checks a read-only @property: computed on access, assignment raises AttributeError.
class Circle:
    def __init__(self, radius):
        self.radius = radius
    @property
    def diameter(self):
        print("computing diameter")
        return self.radius * 2
c = Circle(5)
print(c.diameter)
c.radius = 7
print(c.diameter)
try:
    c.diameter = 1
except AttributeError as error:
    print("AttributeError:", error)
