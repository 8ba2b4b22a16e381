# Checks functools.wraps copies __name__ and __doc__ onto a decorator's wrapper.
from functools import wraps
def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args)
        return func(*args, **kwargs)
    return wrapper
def unwrapped_decorator(func):
    def wrapper(*args):
        return func(*args)
    return wrapper
@logged
def add(a, b):
    """Add two numbers."""
    return a + b
@unwrapped_decorator
def sub(a, b):
    return a - b
print(add(1, 2), add.__name__, add.__doc__, add.__wrapped__.__name__)
print(sub.__name__)
