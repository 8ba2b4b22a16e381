# Checks / always gives a float, and int/float mixing.
print(7 / 2, 6 / 3, -7 / 2, 1 / 3)
print(2 ** 100 / 2 ** 99)
print(3 * 1.5, 1 + 2.0, 10 // 3.0, 10 % 3.5, 2 ** -1, 4 ** 0.5)
try:
    1 / 0
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
try:
    1 % 0
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
try:
    1.0 / 0
except ZeroDivisionError as error:
    print("ZeroDivisionError:", error)
