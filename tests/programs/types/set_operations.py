# Checks set union, intersection, difference, symmetric difference, subset tests and methods.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print(a.union([9]), a.intersection(b), a.issuperset({1, 2}), {1} <= a, {1} < {1})
s = set()
s.add(3); s.add(1); s.add(3)
s.update([2, 5])
s.discard(100)
s.remove(5)
print(s, len(s), 3 in s, set(), sorted({"b", "a"}))
try:
    s.remove(100)
except KeyError as error:
    print("KeyError:", error)
print(s.pop() in {1, 2, 3}, {1, 2}.isdisjoint({3}))
