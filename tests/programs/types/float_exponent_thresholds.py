# Checks where float repr switches to exponent notation (1e16 and 1e-5).
for value in (1e15, 1e16, 123456789012345678.0, 0.0001, 0.00001, 1.5e-7, 1e22, 1e-300):
    print(repr(value))
print(float(10 ** 16), 2.0 ** 60)
