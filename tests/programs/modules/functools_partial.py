# Checks functools.partial fixing positional and keyword arguments, and its attributes.
from functools import partial
def power(base, exponent):
    return base ** exponent
square = partial(power, exponent=2)
two_to = partial(power, 2)
print(square(5), two_to(10), square(base=3, exponent=3))
print(square.func.__name__, square.args, square.keywords, two_to.args)
