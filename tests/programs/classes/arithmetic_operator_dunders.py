# Checks __add__, __sub__, __mul__, __truediv__, __floordiv__, __mod__, __pow__, __neg__, __abs__.
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vector(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vector(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vector(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
a, b = Vector(3, 4), Vector(1, 2)
print(a + b, a - b, a * 2, a / 2, a // 2, a % 2, a ** 2, -a, abs(a))
