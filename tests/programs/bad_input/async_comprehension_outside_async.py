# Checks the SyntaxError for an async comprehension in a plain function.
def f(source):
    return [x async for x in source]
