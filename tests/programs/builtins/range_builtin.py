# Checks range with one, two and three arguments, and non-int arguments failing.
print(list(range(4)), list(range(2, 5)), list(range(10, 0, -3)), list(range(3, 3)))
try:
    range(1.5)
except TypeError as error:
    print("TypeError:", error)
