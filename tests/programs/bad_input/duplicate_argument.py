# Checks the SyntaxError for a parameter named twice.
def f(a, b, a):
    return a
