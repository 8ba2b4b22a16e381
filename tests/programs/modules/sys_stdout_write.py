# Checks sys.stdout.write returns the character count and does not add newlines; stderr.write too.
import sys
count = sys.stdout.write("no newline")
sys.stdout.write("\n")
print(count)
n = sys.stderr.write("to stderr\n")
print(n)
