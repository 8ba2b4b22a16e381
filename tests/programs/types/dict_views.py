# Checks keys/values/items views are live and support set operations on keys.
d = {"a": 1, "b": 2}
keys = d.keys()
values = d.values()
items = d.items()
d["c"] = 3
print(keys, values, items)
print(len(keys), "a" in keys, 2 in values, ("b", 2) in items)
print(keys & {"a", "z"}, sorted(keys | {"z"}), sorted(keys - {"a"}))
for key, value in d.items():
    print(key, value)
