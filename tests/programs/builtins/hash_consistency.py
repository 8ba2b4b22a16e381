# Checks hash() is consistent with equality for numbers, strings and tuples; small ints hash to themselves.
print(hash(1) == hash(1.0) == hash(True), hash("abc") == hash("ab" + "c"), hash((1, "a")) == hash((1, "a")))
print(hash(42), hash(-1), hash(0), hash(2 ** 61 - 1), hash(1.5), hash(None) == hash(None))
try:
    hash([])
except TypeError as error:
    print("TypeError:", error)
