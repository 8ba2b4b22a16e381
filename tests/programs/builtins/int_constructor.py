# Checks int() from strings in bases, floats, bools and errors.
print(int("42"), int("  -7  "), int("ff", 16), int("0x1F", 16), int("0b101", 0), int("777", 8), int("z", 36))
print(int(3.99), int(-2.5), int(True), int(), int("1_000"))
try:
    int("3.5")
except ValueError as error:
    print("ValueError:", error)
try:
    int("12", 2)
except ValueError as error:
    print("ValueError:", error)
try:
    int(None)
except TypeError as error:
    print("TypeError:", error)
