# Checks starred targets in assignment: first, *rest and *init, last.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *middle, z = range(5)
print(a, middle, z)
head, *tail = [1]
print(head, tail)
for x, *others in [(1, 2, 3), (4,)]:
    print(x, others)
