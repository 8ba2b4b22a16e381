# Checks dicts keep insertion order; updating a key keeps its place, deleting and re-adding moves it.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d))
del d["b"]
d["b"] = 20
print(d)
print({3: "x", 1: "y", 2: "z"})
