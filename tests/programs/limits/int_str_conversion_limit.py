# Checks CPython 3.11's 4300-digit limit on int/str conversion raises ValueError.
try:
    str(10 ** 5000)
except ValueError as error:
    print("ValueError:", error)
big = int("9" * 4300)
print(len(str(big)))
