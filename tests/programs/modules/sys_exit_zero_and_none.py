# Checks sys.exit() and sys.exit(0) exit with status 0 without output on stderr.
import sys
print("clean exit")
sys.exit()
