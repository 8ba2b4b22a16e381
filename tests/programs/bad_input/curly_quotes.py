# Checks the SyntaxError for typographic quotes pasted from a document.
message = “hello”
