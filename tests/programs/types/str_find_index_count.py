# Checks find/rfind/index/rindex/count, and index raising ValueError.
s = "banana"
print(s.find("an"), s.rfind("an"), s.find("x"), s.find("a", 2), s.find("a", 2, 3))
print(s.index("n"), s.rindex("n"), s.count("a"), s.count("an"), s.count(""))
try:
    s.index("z")
except ValueError as error:
    print("ValueError:", error)
