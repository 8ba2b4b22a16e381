# Checks the SyntaxError for assigning to a function call.
def f():
    return 1
f() = 2
