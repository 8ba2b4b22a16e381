# Checks bool() on values of each type.
print(bool(), bool(0), bool(0.0), bool(""), bool(()), bool({}), bool(set()), bool(range(0)))
print(bool(1), bool(-0.1), bool(" "), bool((0,)), bool({0: 0}), bool(range(1)))
