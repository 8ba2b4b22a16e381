# Checks try/except with `as` binding the exception, and that the name is unbound after the block.
try:
    {}["missing"]
except KeyError as error:
    print("caught", type(error).__name__, error, error.args)
try:
    error
except NameError:
    print("error is unbound after except")
