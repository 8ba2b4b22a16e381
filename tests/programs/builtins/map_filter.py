# Checks map with one and several iterables, filter with a function and with None; both are lazy.
print(list(map(str.upper, ["a", "b"])))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(lambda n: n % 2, range(10))))
print(list(filter(None, [0, 1, "", "x", None, [], [0]])))
m = map(print, ["lazy"])
print("map created")
list(m)
print(type(m).__name__, type(filter(None, [])).__name__)
