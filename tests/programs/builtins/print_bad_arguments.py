# Checks print rejects a non-string sep with TypeError.
try:
    print("a", "b", sep=1)
except TypeError as error:
    print("TypeError:", error)
try:
    print("a", end=2)
except TypeError as error:
    print("TypeError:", error)
