# Checks the "Maybe you meant '==' or ':='" SyntaxError for = in an if condition.
x = 1
if x = 1:
    print(x)
