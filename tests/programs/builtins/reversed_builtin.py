# Checks reversed on lists, strings, ranges and a class with __reversed__; errors on sets.
print(list(reversed([1, 2, 3])), "".join(reversed("abc")), list(reversed(range(3))))
class Ring:
    def __reversed__(self):
        return iter(["custom"])
print(list(reversed(Ring())))
try:
    reversed({1, 2})
except TypeError as error:
    print("TypeError:", error)
