"""time.sleep() cannot wait inside a function that a built-in calls back (a sort key,
a __repr__, a __eq__ used by list.index ...); it raises RuntimeError there.

Cause: only the event loop's driver waits. A blocking call suspends the chain of Python
frames back to the driver, and the C++ frame of the built-in in between cannot be
suspended.
Workaround: sleep before or after the call to the built-in, not inside its callback.
"""
import time


def slow_key(value):
    time.sleep(0.1)
    return -value


print(sorted([3, 1, 2], key=slow_key))
