# Checks the SyntaxError for a starred expression as a whole right-hand side.
a = [1, 2]
b = *a
