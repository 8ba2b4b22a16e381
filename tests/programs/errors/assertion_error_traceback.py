# Checks an uncaught AssertionError with a message.
x = 5
assert x < 3, f"x is too big: {x}"
