# Checks an uncaught ValueError from int() on a non-numeric string.
text = "12a"
number = int(text)
