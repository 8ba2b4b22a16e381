# Checks exit(3) ends the program with status 3 and runs finally blocks first.
try:
    print("exiting")
    exit(3)
finally:
    print("finally still runs")
print("not reached")
