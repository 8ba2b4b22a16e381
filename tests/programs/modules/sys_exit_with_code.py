# Checks sys.exit(2) exits with status 2 after running finally; SystemExit is catchable.
import sys
try:
    sys.exit(5)
except SystemExit as error:
    print("caught SystemExit with code", error.code)
try:
    print("exiting with 2")
    sys.exit(2)
finally:
    print("cleanup")
