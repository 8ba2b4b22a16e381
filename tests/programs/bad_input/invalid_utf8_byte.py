# Checks a source file with a byte that is not UTF-8.
print("café")
