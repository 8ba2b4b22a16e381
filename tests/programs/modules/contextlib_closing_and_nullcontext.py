# Checks contextlib.nullcontext and closing.
from contextlib import nullcontext, closing
with nullcontext("value") as v:
    print(v)
class Thing:
    def close(self):
        print("closed")
with closing(Thing()):
    print("using thing")
