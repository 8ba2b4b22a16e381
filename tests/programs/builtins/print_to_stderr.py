# Checks print(file=sys.stderr) writes to stderr, not stdout (the .err keeps the last line, exit 0).
import sys
print("to stdout")
print("warning: to stderr", file=sys.stderr)
print("more stdout")
print("last stderr line", file=sys.stderr)
