# Checks @contextmanager: code before/after yield, the yielded value, and exception handling.
from contextlib import contextmanager
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as error:
        print("handled inside:", error)
    finally:
        print(f"</{name}>")
with tag("p") as value:
    print("body", value)
with tag("div"):
    raise ValueError("oops")
print("after")
