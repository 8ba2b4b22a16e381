# Checks the TypeError for an argument given both positionally and by keyword.
def f(a, b):
    return a + b
f(1, a=2)
