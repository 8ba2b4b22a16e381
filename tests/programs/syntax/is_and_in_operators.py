# Checks identity (is / is not) and membership (in / not in) on lists, strings, dicts and None.
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
zero = 0
print(None is None, zero is not None)
print(2 in a, 3 not in a)
print("ell" in "hello", "xyz" in "hello")
d = {"key": 1}
print("key" in d, 1 in d, 1 in d.values())
print(3 in range(0, 10, 3), 4 in range(0, 10, 3))
print(not 2 in a)
