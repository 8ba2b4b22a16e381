# Checks center, ljust, rjust and zfill with default and custom fill characters.
print("[" + "hi".center(8) + "]", "[" + "hi".center(7, "*") + "]")
print("[" + "hi".ljust(5) + "]", "[" + "hi".rjust(5, ".") + "]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "long".zfill(2))
print("ab".center(1), "x".ljust(0))
