# Checks string indexing, negative indices, slices and IndexError.
s = "Python"
print(s[0], s[-1], s[1:4], s[:2], s[4:], s[::-1], s[::2])
try:
    s[10]
except IndexError as error:
    print("IndexError:", error)
try:
    s[0] = "J"
except TypeError as error:
    print("TypeError:", error)
