# Checks expandtabs, splitlines keepends, and str.maketrans/translate.
print("a\tb\tc".expandtabs(4))
print("x\ny\n".splitlines(keepends=True))
table = str.maketrans("abc", "xyz", "!")
print("aabbcc!!".translate(table))
