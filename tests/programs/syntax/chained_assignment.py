# Checks chained assignment: all targets get the same object, assigned left to right.
a = b = c = 0
print(a, b, c)
x = y = []
x.append(1)
print(y, x is y)
data = [0, 0]
i = data[i] = 1
print(i, data)
