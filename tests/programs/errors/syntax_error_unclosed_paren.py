# Checks a SyntaxError for an unclosed parenthesis.
print("this never runs")
result = (1 + 2
print(result)
