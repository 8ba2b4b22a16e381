# Checks repr of nested and recursive containers.
a = [1, [2, (3, {"k": {4}})]]
print(a)
a.append(a)
print(a)
d = {}
d["self"] = d
print(d)
print(((1,),), [()], [{}], {(): []})
