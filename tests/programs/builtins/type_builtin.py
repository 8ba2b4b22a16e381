# Checks type(x) and the three-argument type() creating a class.
print(type(1), type("a"), type([]), type(None), type(type))
Dynamic = type("Dynamic", (object,), {"greet": lambda self: "hi"})
print(Dynamic.__name__, Dynamic().greet())
class C: pass
print(type(C()), type(C()) is C)
