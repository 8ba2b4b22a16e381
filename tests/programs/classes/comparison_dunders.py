# Checks __lt__, __le__, __gt__, __ge__, __eq__, __ne__ and their use by sorted/max.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
    def __gt__(self, other):
        return self.parts > other.parts
    def __ge__(self, other):
        return self.parts >= other.parts
a, b = Version("1.10.0"), Version("1.9.3")
print(a < b, a > b, a <= a, a >= b, a == Version("1.10.0"), a != b)
print(sorted([a, b, Version("0.1")]), max(a, b))
