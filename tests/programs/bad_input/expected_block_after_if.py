# Checks the IndentationError naming the if statement's line.
x = 1
if x:
print(x)
