# Checks pow with two and three arguments (modular exponentiation) and a negative exponent inverse.
print(pow(2, 10), pow(2.0, 3), pow(2, -1))
print(pow(3, 200, 1000), pow(7, 123456789, 13), pow(3, -1, 7))
try:
    pow(2, 3.0, 5)
except TypeError as error:
    print("TypeError:", error)
