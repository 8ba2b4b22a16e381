"""A program's heap is capped (256 MB by default; the CLI's --max-memory changes it).

Cause: the playground runs in a browser tab; allocating past the cap raises MemoryError
(which the program can catch) instead of taking the tab down.
Workaround: work on smaller data, or run the CLI with a larger --max-memory.
"""
text = "a" * (300 * 1024 * 1024)
print(len(text))
