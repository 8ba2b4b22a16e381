# Checks a big integer with thousands of digits: 2 ** 10000 digit count and checksum.
n = 2 ** 10000
s = str(n)
print(len(s), s[:10], s[-10:], sum(int(d) for d in s))
