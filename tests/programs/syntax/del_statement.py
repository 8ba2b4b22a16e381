# Checks del on names, list items, slices, dict keys and attributes.
x = 1
del x
try:
    x
except NameError as error:
    print(error)
items = [0, 1, 2, 3, 4]
del items[0]
del items[1:3]
print(items)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class C:
    pass
c = C()
c.attr = 5
del c.attr
print(hasattr(c, "attr"))
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
