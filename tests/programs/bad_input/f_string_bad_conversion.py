# Checks the SyntaxError for an f-string conversion other than !s, !r or !a.
name = "x"
print(f"{name!z}")
