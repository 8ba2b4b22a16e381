# Checks the Ellipsis constant, True/False/None and __debug__.
print(..., Ellipsis is ..., type(...).__name__)
print(True, False, None, __debug__)
def todo():
    ...
print(todo())
