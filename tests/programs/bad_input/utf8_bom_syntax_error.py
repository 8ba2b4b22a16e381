# Checks a SyntaxError's column in a file starting with a byte order mark.
x = (1 +
