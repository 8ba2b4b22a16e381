# Checks the SyntaxError for a list bracket left open at the end of the file.
numbers = [1, 2,
    3, 4
print(numbers)
