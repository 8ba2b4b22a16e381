# Checks if/elif/else chains select exactly one branch, with truthiness of various values.
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for n in (-5, 0, 3, 42):
    print(n, classify(n))
for value in (0, 1, "", "x", [], [0], None, {}, 0.0):
    if value:
        print(repr(value), "is truthy")
    else:
        print(repr(value), "is falsy")
