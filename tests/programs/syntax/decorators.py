# Checks function decorators: stacking order and a wrapper that calls through.
def shout(func):
    def wrapper(*args):
        return func(*args).upper()
    return wrapper

def exclaim(func):
    def wrapper(*args):
        return func(*args) + "!"
    return wrapper

@shout
@exclaim
def greet(name):
    return "hello " + name

print(greet("ada"))

def register(func):
    print("registering", func.__name__)
    return func

@register
def task():
    return 42
print(task())
