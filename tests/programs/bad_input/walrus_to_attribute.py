# Checks the SyntaxError for := with an attribute target.
class A:
    b = 0
a = A()
print((a.b := 1))
