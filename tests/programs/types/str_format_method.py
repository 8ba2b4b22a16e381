# Checks str.format with positional, numbered, named, attribute, index fields and specs.
print("{} + {} = {}".format(1, 2, 3))
print("{1} {0} {1}".format("a", "b"))
print("{name} is {age}".format(name="Ada", age=36))
point = {"x": 1, "y": 2}
print("{0[x]},{0[y]}".format(point), "{0.real}".format(5))
print("{:>8.3f}|{:<5}|{:^5}|{:,}".format(3.14159, "ab", "c", 1234567))
print("{!r} {!s}".format("a", "a"), "{{}}".format())
