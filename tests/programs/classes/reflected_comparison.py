# Checks that a comparison falls back to the reflected method of the other operand.
class Only:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("Only.__lt__")
        return self.v < other.v
o1, o2 = Only(1), Only(2)
print(o2 > o1)
try:
    print(o1 <= o2)
except TypeError as error:
    print("TypeError:", error)
