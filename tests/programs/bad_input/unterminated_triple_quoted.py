# Checks the SyntaxError for a triple-quoted string never closed.
x = 1
text = """first line
second line
third line
