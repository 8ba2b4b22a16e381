# Checks function __annotations__ are recorded as given.
def greet(name: str, times: int = 1) -> str:
    return name * times
print(greet.__annotations__)
print(greet("ab", 2))
