# Checks a non-UTF-8 byte in a comment fails too.
x = 1
# ÿþ
print(x)
