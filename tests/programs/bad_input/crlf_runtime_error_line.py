# Checks a runtime traceback in a CRLF file names the right line.
x = 1


y = x / 0
