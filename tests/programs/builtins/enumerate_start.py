# Checks enumerate with the default and a custom start.
for index, letter in enumerate("abc"):
    print(index, letter)
print(list(enumerate(["x", "y"], start=1)), list(enumerate([], 5)))
e = enumerate("ab")
print(next(e), type(e).__name__)
