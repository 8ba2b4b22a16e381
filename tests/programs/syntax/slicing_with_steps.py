# Checks slicing with start/stop/step, negative steps and out-of-range bounds.
s = list(range(10))
print(s[2:5], s[:3], s[7:], s[-3:])
print(s[::2], s[1::3], s[::-1], s[8:2:-2])
print(s[100:], s[-100:2], s[5:2])
text = "abcdefgh"
print(text[::-1], text[1:7:2], text[-1:-4:-1])
t = (1, 2, 3, 4)
print(t[1:3], t[::-2])
s[1:3] = ["a", "b", "c"]
print(s)
del s[::3]
print(s)
