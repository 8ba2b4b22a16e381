# Checks dict get, setdefault, pop, popitem, update, fromkeys, copy, clear and KeyError.
d = {"a": 1}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("b", 2), d.setdefault("a", 99), d)
print(d.pop("a"), d.pop("zz", "default"), d)
d.update({"c": 3}, d2=4)
d.update([("e", 5)])
print(d, d.popitem(), d)
print(dict.fromkeys("xy", 0), d.copy() == d)
try:
    d.pop("missing")
except KeyError as error:
    print("KeyError:", error)
d.clear()
print(d)
