# Checks a decorator factory taking arguments (a repeat decorator).
def repeat(times):
    def decorate(func):
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]
        return wrapper
    return decorate

@repeat(3)
def roll(value):
    return value * 2

print(roll(5))
