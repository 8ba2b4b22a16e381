# Checks arbitrary-precision integers: 2 ** 100 and larger powers are exact.
print(2 ** 100)
print(2 ** 64 - 1, -(2 ** 63))
print(3 ** 200)
print(len(str(7 ** 500)))
print((2 ** 100).bit_length(), type(2 ** 100).__name__)
