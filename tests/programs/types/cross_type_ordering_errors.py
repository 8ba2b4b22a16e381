# Checks ordering comparisons between unrelated types raise TypeError with CPython's message.
pairs = [(1, "1"), ("a", None), ([1], (1,)), (None, None), ({}, {}), (1, [1])]
for a, b in pairs:
    try:
        print(a < b)
    except TypeError as error:
        print("TypeError:", error)
print(1 < 1.5 < True + 1)
