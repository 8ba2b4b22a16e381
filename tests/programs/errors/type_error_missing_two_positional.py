# Checks the TypeError wording when two positional arguments are missing.
def area(width, height, depth):
    return width * height * depth
area(1)
