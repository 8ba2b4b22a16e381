# Checks the TypeError for a missing positional argument.
def greet(first, last):
    return first + " " + last
greet("Ada")
