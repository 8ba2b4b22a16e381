# Checks the SyntaxError for a closing bracket that does not match the opening one.
pair = (1, 2]
