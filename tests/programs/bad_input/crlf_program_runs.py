# Checks a program with CRLF line endings runs, and its triple-quoted string holds plain newlines.
def greet(name):
    return f"hello {name}"

print(greet("crlf"))
text = """a
b"""
print(repr(text))
total = 1 + \
    2
print(total)
