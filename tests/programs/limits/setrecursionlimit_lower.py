# Checks a lowered recursion limit triggers RecursionError sooner.
import sys
sys.setrecursionlimit(100)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(50))
try:
    depth(200)
except RecursionError as error:
    print("RecursionError:", error)
