# Checks the SyntaxError for a positional argument after a keyword one.
print(sep="-", 2)
