# Checks bound methods remember their instance and compare equal when bound to the same object.
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, other):
        return f"{self.name} greets {other}"
g = Greeter("ada")
say = g.greet
print(say("alan"))
print(Greeter.greet(g, "grace"))
print(say.__self__ is g, say.__func__ is Greeter.greet, g.greet == g.greet)
print(type(say).__name__)
