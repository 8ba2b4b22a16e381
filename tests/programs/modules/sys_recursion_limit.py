# Checks sys.getrecursionlimit default and setrecursionlimit round trip.
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as error:
    print("ValueError:", error)
