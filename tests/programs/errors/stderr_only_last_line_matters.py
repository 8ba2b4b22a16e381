# Checks a program that writes several stderr lines and then fails: the .err keeps the last line.
import sys
sys.stderr.write("first diagnostic\n")
sys.stderr.write("second diagnostic\n")
print("stdout still works")
raise SystemExit(4)
