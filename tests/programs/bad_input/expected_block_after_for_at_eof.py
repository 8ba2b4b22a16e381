# Checks the IndentationError for a for header as the last line.
for i in range(3):
