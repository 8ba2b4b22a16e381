# Checks *args collects extra positional arguments into a tuple.
def total(first, *rest):
    print("first:", first, "rest:", rest)
    return first + sum(rest)

print(total(1))
print(total(1, 2, 3))
def no_args(*args):
    return type(args).__name__, len(args)
print(no_args())
