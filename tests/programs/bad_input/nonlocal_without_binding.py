# Checks the SyntaxError for nonlocal naming no enclosing variable.
def f():
    nonlocal x
    x = 1
