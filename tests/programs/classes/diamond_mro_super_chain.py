# Checks cooperative super() calls visiting every class of a diamond once, in MRO order.
class Base:
    def setup(self):
        print("Base.setup")
class Left(Base):
    def setup(self):
        print("Left.setup")
        super().setup()
class Right(Base):
    def setup(self):
        print("Right.setup")
        super().setup()
class Child(Left, Right):
    def setup(self):
        print("Child.setup")
        super().setup()
Child().setup()
print([c.__name__ for c in Child.__mro__])
