# Checks the SyntaxError for a closing parenthesis with nothing open.
total = 1 + 2)
