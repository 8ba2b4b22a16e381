# Checks slice objects: repr, attributes, indices() and use as a subscript.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step)
print(list(range(20))[s], "abcdefghijk"[s])
print(slice(None, None, -1).indices(5), slice(5).indices(3))
print(slice(3))
