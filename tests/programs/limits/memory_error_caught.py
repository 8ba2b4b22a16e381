# Checks a huge allocation raises MemoryError, which can be caught.
try:
    data = [0] * (2 ** 62)
except MemoryError:
    print("MemoryError caught")
print("still running")
