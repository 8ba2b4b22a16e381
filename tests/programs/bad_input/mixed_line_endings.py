# Checks LF, CRLF and CR line endings mixed in one file.
x = 1
y = 2z = 3
print(x, y, z)
