# Checks contextlib.suppress ignores the listed exceptions only.
from contextlib import suppress
with suppress(KeyError, IndexError):
    {}["missing"]
    print("not reached")
print("continued")
try:
    with suppress(KeyError):
        int("x")
except ValueError:
    print("ValueError passed through")
