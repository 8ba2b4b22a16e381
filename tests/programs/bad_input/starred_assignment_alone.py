# Checks the SyntaxError for a starred target not in a list or tuple.
*rest = [1, 2]
