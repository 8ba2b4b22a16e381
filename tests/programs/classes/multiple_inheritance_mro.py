# Checks multiple inheritance method lookup follows the C3 MRO.
class A:
    def who(self):
        return "A"
class B(A):
    pass
class C(A):
    def who(self):
        return "C"
class D(B, C):
    pass
print([cls.__name__ for cls in D.__mro__])
print(D().who())
print(D.__mro__)
print(D.mro() == list(D.__mro__))
