# Checks the SyntaxError for a parameter without default after one with.
def f(a=1, b):
    return a + b
