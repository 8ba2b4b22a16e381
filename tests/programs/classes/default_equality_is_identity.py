# Checks instances without __eq__ compare by identity.
class Plain:
    pass
a = Plain()
b = Plain()
print(a == a, a == b, a != b, a in [a], b in [a])
print(len({a, b, a}))
