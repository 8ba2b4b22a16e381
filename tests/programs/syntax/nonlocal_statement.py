# Checks nonlocal: an inner function rebinding its enclosing function's variable.
def outer():
    count = 0
    def bump():
        nonlocal count
        count += 1
        return count
    bump()
    bump()
    return count, bump

value, bump = outer()
print(value)
print(bump(), bump())
