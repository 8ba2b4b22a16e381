# Checks floor division and modulo round toward negative infinity with negative operands.
for a, b in ((7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (-1, 10)):
    print(a, b, a // b, a % b, divmod(a, b))
print(-(2 ** 70) // 3, -(2 ** 70) % 3)
