# Checks * unpacking of several iterables into a call's positional arguments.
def show(*args):
    print(len(args), args)

first = [1, 2]
second = (3, 4)
show(*first)
show(*first, *second)
show(0, *first, 5, *second)
show(*"abc")
show(*range(3), *{})
print(*[1, 2, 3], sep="-")
