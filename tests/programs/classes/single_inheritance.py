# Checks single inheritance: inherited methods, overriding and isinstance on the subclass.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def introduce(self):
        return f"{self.name} says {self.speak()}"

class Dog(Animal):
    def speak(self):
        return "woof"

class Puppy(Dog):
    pass

for pet in (Animal("generic"), Dog("rex"), Puppy("bit")):
    print(pet.introduce())
print(isinstance(Puppy("p"), Animal), issubclass(Dog, Puppy))
print(Puppy.__bases__[0].__name__, Puppy.__mro__[-1].__name__)
