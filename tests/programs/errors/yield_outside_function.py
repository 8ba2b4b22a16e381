# Checks the SyntaxError for yield at module level.
yield 1
