# Checks float methods: is_integer, as_integer_ratio, hex, and int() truncation.
print((3.0).is_integer(), (3.5).is_integer())
print((0.75).as_integer_ratio(), (0.1).as_integer_ratio())
print(int(3.9), int(-3.9), int(1e20))
print(float("  2.5  "), float("1_000.5"), float("-0"))
