# Checks chr and ord, including non-ASCII and out-of-range errors.
print(chr(65), chr(97), chr(8364), ord("A"), ord("€"), ord("\n"))
print("".join(chr(ord("a") + i) for i in range(5)))
try:
    ord("ab")
except TypeError as error:
    print("TypeError:", error)
try:
    chr(-1)
except ValueError as error:
    print("ValueError:", error)
