# Checks integer powers: negative exponents give floats, 0 ** 0 is 1, big negative bases.
print(2 ** -2, 0 ** 0, (-2) ** 3, (-2) ** 101)
print(pow(10, 20), 10 ** 20 == int(1e20))
