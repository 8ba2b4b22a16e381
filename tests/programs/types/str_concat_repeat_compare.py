# Checks + and * on strings, lexicographic comparison and ord-based ordering.
print("ab" + "cd", "ab" * 3, 3 * "-", "x" * 0, "x" * -2 == "")
print("apple" < "banana", "Zebra" < "apple", "abc" < "abd", "ab" < "abc")
print(sorted(["banana", "Apple", "cherry", "apple"]))
try:
    "a" + 1
except TypeError as error:
    print("TypeError:", error)
