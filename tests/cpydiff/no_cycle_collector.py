"""Objects in reference cycles are freed when the run ends, not by a cycle collector; the
gc module does not exist.

Cause: memory is reference counted, and every object of a run is released together when
the run ends (cycles included), which suits short playground programs.
Workaround: break cycles by hand (set the back reference to None) when __del__ timing
matters.
"""
import gc


class Node:
    def __del__(self):
        print("node freed")


node = Node()
node.itself = node
del node
gc.collect()
print("after collect")
