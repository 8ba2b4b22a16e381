# Checks the SyntaxError for async for in a plain function.
def f(source):
    async for item in source:
        print(item)
