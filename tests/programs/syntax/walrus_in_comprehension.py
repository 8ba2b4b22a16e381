# Checks that a walrus inside a comprehension binds in the enclosing scope.
data = [1, 2, 3, 4, 5, 6]
squares = [s for x in data if (s := x * x) > 10]
print(squares)
print("last s:", s)
total = 0
running = [total := total + x for x in data]
print(running, total)
print(any((hit := x) > 4 for x in data), hit)
