# Checks str() of values and of bytes with an encoding.
print(str(), str(42), str(-1.0), str([1, "a"]), str((1,)), str(b"x"), str(b"caf\xc3\xa9", "utf-8"))
