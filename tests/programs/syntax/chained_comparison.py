# Checks chained comparisons: a < b < c evaluates b once and short-circuits.
def value(label, number):
    print("evaluated", label)
    return number

print(1 < 2 < 3)
print(1 < 3 < 2)
print(3 > 2 >= 2 > 1)
print(1 == 1.0 != 2)
print(value("a", 5) < value("b", 3) < value("c", 10))
print(value("x", 1) < value("y", 2) < value("z", 3))
x = 5
print(0 <= x < 10, 0 <= x < 5)
