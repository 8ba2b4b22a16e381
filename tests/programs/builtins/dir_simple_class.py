# Checks dir() of a class and instance, filtered to non-dunder names, is sorted and includes inherited names.
class Base:
    base_attr = 1
    def base_method(self): pass
class Child(Base):
    child_attr = 2
    def method(self): pass
obj = Child()
obj.instance_attr = 3
print([name for name in dir(Child) if not name.startswith("__")])
print([name for name in dir(obj) if not name.startswith("__")])
print([name for name in dir("") if not name.startswith("_")][:6])
