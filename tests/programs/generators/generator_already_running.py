# Checks a generator cannot be resumed from inside itself (ValueError).
def selfish():
    yield next(me)
me = selfish()
try:
    next(me)
except ValueError as error:
    print("ValueError:", error)
