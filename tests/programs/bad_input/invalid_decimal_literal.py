# Checks the SyntaxError for a number running into a name.
count = 1abc
