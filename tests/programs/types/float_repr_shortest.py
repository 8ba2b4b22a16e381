# Checks float repr is the shortest round-tripping string.
print(0.1 + 0.2, 0.1 + 0.2 == 0.3)
print(1 / 3, 2 / 3, 0.1 * 3)
print(1.0, 100.0, 1.5e300 * 1.0)
print(repr(1.1), str(2.675))
print(3.14159, 1 - 0.9)
