# Checks the TypeError for too many positional arguments.
def square(x):
    return x * x
square(2, 3)
