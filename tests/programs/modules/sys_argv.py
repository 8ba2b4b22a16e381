# Checks sys.argv holds the program name only.
import sys
print(sys.argv, len(sys.argv))
