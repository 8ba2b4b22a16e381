# Checks the SyntaxError for a call keyword that is an expression.
class A:
    pass
a = A()
print(a.b=1)
