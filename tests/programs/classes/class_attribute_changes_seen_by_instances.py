# Checks that instances see every change of a class or base class attribute and of their own attributes (the VM caches class lookups).
class Base:
    kind = "base kind"

    def greet(self):
        return "base"


class Child(Base):
    pass


child = Child()
print(child.greet(), child.kind)
Base.greet = lambda self: "patched base"
print(child.greet())
Child.greet = lambda self: "child"
print(child.greet())
del Child.greet
print(child.greet())
Base.kind = "new kind"
print(child.kind)
child.kind = "instance kind"
print(child.kind)
del child.kind
print(child.kind)
child.greet = lambda: "instance attribute"
print(child.greet())
del child.greet
print(child.greet())
setattr(Base, "extra", 1)
print(child.extra)
delattr(Base, "extra")
print(hasattr(child, "extra"))


def make_class(value):
    class Local:
        pass
    Local.value = value
    return Local


for value in range(3):
    print(make_class(value)().value)


class Counter:
    def __init__(self):
        self.count = 0

    def add(self, amount):
        self.count += amount
        return self.count


counter = Counter()
for amount in range(4):
    counter.add(amount)
print(counter.count)
Counter.add = lambda self, amount: "replaced"
print(counter.add(1))


class Shadowed:
    pass


def read_value(instance):
    return instance.value


def write_value(instance, value):
    instance.value = value


shadowed = Shadowed()
write_value(shadowed, "instance")
print(read_value(shadowed))
Shadowed.value = property(lambda self: "property", lambda self, value: print("setter", value))
print(read_value(shadowed))
write_value(shadowed, "through the setter")
del Shadowed.value
print(read_value(shadowed))
other = Shadowed()
other.first = 1
write_value(other, "other instance")
print(read_value(other), read_value(shadowed))
