# Checks quit("message") prints the message to stderr and exits with status 1.
print("before quit")
quit("fatal: giving up")
