# Checks isinstance/issubclass through inheritance, with tuples, and type() identity.
class A: pass
class B(A): pass
b = B()
print(isinstance(b, A), isinstance(b, (int, str)), isinstance(b, (int, A)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (str, A)), issubclass(A, object))
print(type(b) is B, type(b) is A, type(b) == B)
print(isinstance(True, int), issubclass(bool, int))
