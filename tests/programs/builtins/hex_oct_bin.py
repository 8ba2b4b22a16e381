# Checks hex, oct and bin of positive, negative and big integers.
print(hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(hex(2 ** 70), int(hex(12345), 16))
try:
    hex(1.5)
except TypeError as error:
    print("TypeError:", error)
