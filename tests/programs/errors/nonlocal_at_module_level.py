# Checks the SyntaxError for nonlocal at module level.
nonlocal x
