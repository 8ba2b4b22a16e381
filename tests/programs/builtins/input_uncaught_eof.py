# Checks an uncaught EOFError from input() on empty stdin: traceback and exit status 1.
print("asking")
answer = input()
print("never", answer)
