# Checks the SyntaxError for a try block followed by neither except nor finally.
try:
    x = 1
print(x)
