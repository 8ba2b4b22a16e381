# Checks list comprehensions with conditions and multiple for clauses.
print([n * n for n in range(6)])
print([n for n in range(20) if n % 3 == 0 if n % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([c.upper() for c in "abc"])
words = ["apple", "bob", "kiwi"]
print([len(w) for w in words if w != "bob"])
