# Checks a SyntaxError for an unterminated string literal.
message = "hello
print(message)
