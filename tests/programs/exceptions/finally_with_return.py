# Checks a return in finally overrides the try's return and swallows an exception.
def override():
    try:
        return "from try"
    finally:
        return "from finally"
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
def finally_sees_return():
    try:
        return "value"
    finally:
        print("finally runs before the return completes")
print(override())
print(swallow())
print(finally_sees_return())
