"""A program's heap is capped at 512 MB: its objects and the buffers inside them.

Cause: the playground runs in a browser tab; allocating past the cap raises MemoryError
(which the program can catch) instead of taking the tab down.
Workaround: work on smaller data.
"""
text = "a" * (600 * 1024 * 1024)
print(len(text))
