# Checks abs, round and divmod on ints and floats.
print(abs(-5), abs(3.5), abs(-0.0), abs(True), abs(-2 ** 70))
print(round(3.7), round(-3.5), round(2.567, 1), round(7))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2 ** 65, 7))
