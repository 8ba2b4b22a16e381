# Checks id() is stable for one object and differs for distinct live objects.
a = [1]
b = [1]
print(id(a) == id(a), id(a) == id(b), id(None) == id(None), type(id(a)).__name__)
