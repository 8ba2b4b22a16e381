# Checks super() without arguments and with explicit (class, instance) arguments.
class A:
    def name(self):
        return "A"
class B(A):
    def name(self):
        return "B>" + super().name()
class C(B):
    def name(self):
        return "C>" + super(B, self).name()
print(B().name(), C().name())
