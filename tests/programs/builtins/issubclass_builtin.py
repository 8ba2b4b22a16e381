# Checks issubclass on builtin and user classes, tuples, and a non-class argument.
print(issubclass(bool, int), issubclass(int, bool), issubclass(KeyError, (LookupError, ValueError)))
class A: pass
print(issubclass(A, object), issubclass(A, A))
try:
    issubclass(A(), A)
except TypeError as error:
    print("TypeError:", error)
