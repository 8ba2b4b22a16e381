# Checks the SyntaxError for a no-break space between tokens.
x = 1 + 2
