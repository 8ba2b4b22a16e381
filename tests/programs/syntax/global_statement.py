# Checks global: a function rebinding a module-level name.
counter = 0

def increment():
    global counter
    counter += 1

def read_only():
    return counter * 10

increment()
increment()
print(counter, read_only())

def create():
    global created
    created = "made inside"

create()
print(created)
