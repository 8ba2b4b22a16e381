# Checks lambda: positional, default and keyword arguments, capture and use as a sort key.
add = lambda a, b=10: a + b
print(add(1), add(1, 2), add(b=5, a=1))
print((lambda *args, **kwargs: (args, kwargs))(1, 2, x=3))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda pair: pair[1]))
makers = [lambda i=i: i * i for i in range(4)]
print([make() for make in makers])
print(add.__name__)
print((lambda: None)())
