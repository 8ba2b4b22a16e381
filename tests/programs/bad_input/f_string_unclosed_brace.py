# Checks the SyntaxError for an f-string field that is never closed.
name = "x"
print(f"{name")
