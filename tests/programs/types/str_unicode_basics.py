# Checks len, indexing and methods on non-ASCII strings count code points.
s = "naïve café 😀"
print(len(s), s[2], s[-1], s.upper())
print(s.encode("utf-8"))
print(len(s.encode("utf-8")), b"caf\xc3\xa9".decode("utf-8"))
print(ord("😀"), chr(0x1F600) == "😀")
