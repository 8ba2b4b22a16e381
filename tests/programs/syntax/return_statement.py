# Checks return: no value returns None, several values make a tuple, early return.
def nothing():
    return

def pair():
    return 1, 2

def first_negative(numbers):
    for n in numbers:
        if n < 0:
            return n
    return None

print(nothing(), pair(), first_negative([3, -1, -5]), first_negative([1]))
def implicit():
    x = 1
print(implicit())
