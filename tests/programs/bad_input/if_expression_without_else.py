# Checks the SyntaxError for a conditional expression missing its else.
y = 0
x = 1 if y
