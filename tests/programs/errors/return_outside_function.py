# Checks the SyntaxError for return at module level.
x = 1
return x
