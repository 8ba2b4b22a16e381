# Checks str() and repr() of ints: zero, signs, the int64 limits and past them, and int
# subclasses, whose own __repr__ or __str__ str() must still call.
for n in [0, 7, -7, 10, -10, 9223372036854775807, -9223372036854775807 - 1,
          9223372036854775808, -9223372036854775809, 10 ** 30, -(10 ** 30)]:
    print(str(n), repr(n), len(str(n)), f"{n}", "%d" % n)

print(str(True), repr(False), str(int("-0")))


class Reprs(int):
    def __repr__(self):
        return "Reprs!"


class Strs(int):
    def __str__(self):
        return "Strs!"


print(str(Reprs(5)), repr(Reprs(5)), str(Strs(6)), repr(Strs(6)))
print(str(Reprs(5) + 1), type(str(12)).__name__)
