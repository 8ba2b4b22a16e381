# Checks iterating a string by characters, membership, and str() of various values.
for ch in "abc":
    print(ch, end=",")
print()
print("b" in "abc", "" in "abc", str(12), str(1.50), str(None), str(True), str([1, "a"]))
