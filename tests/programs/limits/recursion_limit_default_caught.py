# Checks unbounded recursion raises RecursionError near the default limit of 1000, which can be caught.
import sys
depth = 0
def dive():
    global depth
    depth += 1
    dive()
try:
    dive()
except RecursionError as error:
    print("RecursionError:", error)
    print(900 < depth <= 1000, sys.getrecursionlimit())
print("program continues")
