# Checks str.split with/without separators and maxsplit, rsplit, splitlines and join.
text = "  the quick  brown fox  "
print(text.split())
print(text.split(" "))
print("a,b,,c".split(","), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1))
print("line1\nline2\r\nline3".splitlines())
print("-".join(["x", "y", "z"]), "".join(reversed("abc")))
try:
    ",".join([1, 2])
except TypeError as error:
    print("TypeError:", error)
print("a b".partition(" "), "abc".partition("x"), "a.b.c".rpartition("."))
