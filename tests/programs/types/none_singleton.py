# Checks None: identity, repr, falsiness, as a default return and its type.
def f():
    pass
print(f() is None, repr(None), bool(None), type(None).__name__, None == 0, None == None)
try:
    None.attribute
except AttributeError as error:
    print("AttributeError:", error)
