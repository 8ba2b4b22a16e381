# Checks StopIteration raised inside a generator becomes RuntimeError (PEP 479).
def leaky():
    yield 1
    raise StopIteration("oops")
try:
    print(list(leaky()))
except RuntimeError as error:
    print("RuntimeError:", error, "| cause:", repr(error.__cause__))
