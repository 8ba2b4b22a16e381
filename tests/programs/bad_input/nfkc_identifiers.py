# Checks identifiers are NFKC-normalized: the fi ligature and full-width letters name ASCII names.
ﬁle = "ligature"
print(file)
ｘｙ = 5
print(xy)
print("ﬁle" in globals(), "file" in globals())
