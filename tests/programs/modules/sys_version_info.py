# Checks sys.version_info reports 3.11 and compares as a tuple.
import sys
print(sys.version_info.major, sys.version_info.minor, sys.version_info[:2])
print(sys.version_info >= (3, 8), sys.version.startswith("3.11"))
