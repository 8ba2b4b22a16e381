# Checks an uncaught IndexError for a list index out of range.
letters = ["a", "b"]
print(letters[2])
