# Checks an inconsistent hierarchy raises TypeError when the class is created.
class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass
try:
    class C(A, B): pass
except TypeError as error:
    print("TypeError:", error)
