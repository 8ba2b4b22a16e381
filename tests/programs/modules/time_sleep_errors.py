# Checks time.sleep rejects negative and non-numeric durations.
import time
try:
    time.sleep(-1)
except ValueError as error:
    print("ValueError:", error)
try:
    time.sleep("1")
except TypeError as error:
    print("TypeError:", error)
