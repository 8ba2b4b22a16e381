# Checks object(): a featureless instance with identity equality and no attribute assignment.
o = object()
print(type(o).__name__, o == o, o == object())
try:
    o.x = 1
except AttributeError as error:
    print("AttributeError:", error)
print(isinstance(o, object), isinstance(1, object))
