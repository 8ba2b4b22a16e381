# Checks __init_subclass__ runs for each subclass definition.
class Base:
    subclasses = []
    def __init_subclass__(cls, tag="none", **kwargs):
        super().__init_subclass__(**kwargs)
        Base.subclasses.append((cls.__name__, tag))
class A(Base): pass
class B(Base, tag="bee"): pass
print(Base.subclasses)
