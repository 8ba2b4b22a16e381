# Checks a SyntaxError in a CRLF file points at its line and column.
x = 1
y = 2
if x == y
    print(x)
