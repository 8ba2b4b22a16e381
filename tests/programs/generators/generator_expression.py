# Checks generator expressions are lazy, single-pass iterators.
squares = (n * n for n in range(5))
print(type(squares).__name__)
print(sum(squares))
print(sum(squares))
print(max(len(w) for w in ["a", "abc", "ab"]))
print(list(x for x in range(10) if x % 3 == 0))
