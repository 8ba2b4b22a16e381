# Checks sys.setrecursionlimit raises the limit so depth 5000 works, and the new limit is enforced.
import sys
sys.setrecursionlimit(6000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(5000))
try:
    depth(10000)
except RecursionError:
    print("RecursionError beyond the new limit")
