# Checks set and dict comprehensions, including key collisions (last wins).
print(sorted({n % 3 for n in range(10)}))
print({word: len(word) for word in ["one", "three", "five"]})
print({n % 3: n for n in range(10)})
inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inverted)
