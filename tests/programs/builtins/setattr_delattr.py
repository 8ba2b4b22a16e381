# Checks setattr and delattr, including deleting a missing attribute.
class Thing: pass
t = Thing()
setattr(t, "color", "red")
print(t.color, vars(t))
delattr(t, "color")
print(hasattr(t, "color"))
try:
    delattr(t, "color")
except AttributeError as error:
    print("AttributeError:", error)
try:
    setattr(1, "x", 2)
except AttributeError as error:
    print("AttributeError:", error)
