# Checks the SyntaxError for a repeated keyword argument.
print(sep="a", sep="b")
