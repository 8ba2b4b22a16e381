# A nested group keeps its shape when only part of it is handled.
import sys


def leaf(kind, text):
    return kind(text)


inner = ExceptionGroup("inner", [leaf(ValueError, "a"), leaf(OSError, "b")])
outer = ExceptionGroup("outer", [inner, leaf(ValueError, "c"), leaf(KeyError, "d")])
try:
    raise outer
except* ValueError as matched:
    print(repr(matched))
    print(sys.exc_info()[1] is matched)
except* OSError:
    print("OSError handled")
