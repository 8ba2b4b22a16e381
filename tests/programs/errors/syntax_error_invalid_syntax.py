# Checks a generic "invalid syntax" SyntaxError.
x = 1 +* 2
