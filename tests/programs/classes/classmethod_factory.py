# Checks @classmethod receiving the class, including when called on a subclass.
class Pet:
    def __init__(self, name):
        self.name = name
    @classmethod
    def from_string(cls, text):
        return cls(text.strip().title())
    @classmethod
    def kind(cls):
        return cls.__name__
class Cat(Pet):
    pass
p = Cat.from_string("  tom ")
print(type(p).__name__, p.name, Pet.kind(), Cat.kind(), p.kind())
