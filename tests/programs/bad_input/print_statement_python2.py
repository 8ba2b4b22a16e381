# Checks the 'Missing parentheses in call to print' SyntaxError for Python 2 print.
name = "world"
print "hello", name
