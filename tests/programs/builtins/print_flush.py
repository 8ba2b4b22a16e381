# Checks print(flush=True) is accepted and output order is kept.
import sys
print("first", flush=True)
sys.stdout.write("second\n")
print("third", end="\n", flush=True)
