# Checks the SyntaxError for break outside a loop.
if True:
    break
