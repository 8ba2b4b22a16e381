# Checks NameError messages (with suggestions where CPython attaches them at print time only).
try:
    prnt("x")
except NameError as error:
    print("NameError:", error, "| name:", error.name)
def f():
    print(later)
    later = 1
try:
    f()
except UnboundLocalError as error:
    print("UnboundLocalError:", error)
