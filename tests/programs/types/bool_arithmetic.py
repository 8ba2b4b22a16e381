# Checks bool is an int subclass: arithmetic, sums and repr.
print(True + True, True * 10, False - 1, True / 2, -True)
print(sum([True, False, True]), int(True), True == 1, False == 0)
print(bool(0), bool(-1), bool(""), bool("False"), bool([]), bool(None))
print(True & False, True | False, True ^ True, type(True & False).__name__, ~True)
print(repr(True), str(False), isinstance(False, int))
