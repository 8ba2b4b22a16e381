# Checks default argument values, evaluated once at definition (the mutable default trap).
def greet(name, greeting="Hello"):
    return f"{greeting}, {name}!"

print(greet("Ada"), greet("Alan", "Hi"), greet(greeting="Yo", name="Grace"))

def append_to(item, target=[]):
    target.append(item)
    return target

print(append_to(1))
print(append_to(2))
print(append_to.__defaults__)
