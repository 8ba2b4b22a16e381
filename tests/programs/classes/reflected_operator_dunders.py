# Checks reflected operators (__radd__, __rmul__) and NotImplemented falling back to them.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __repr__(self):
        return f"Money({self.cents})"
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        print("__radd__ called with", other)
        return self.__add__(other)
    def __rmul__(self, k):
        return Money(self.cents * k)
print(Money(5) + 3, 3 + Money(5), 2 * Money(7))
print(sum([Money(1), Money(2), Money(3)]))
try:
    Money(1) + "x"
except TypeError as error:
    print("TypeError:", error)
