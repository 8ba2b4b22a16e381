"""A run prints at most 1 MB (stdout and stderr together); past it, one notice on stderr,
and what the program prints afterwards is not shown while it runs on to its end.

Cause: the playground runs in a browser tab, and a print loop that never ends would
otherwise fill the page's memory; the cap keeps the page responsive and Stop at hand.
Workaround: print less, or a summary (counts, the first and last lines).
"""
for n in range(90_000):
    print(f"line {n:6}")
print("the end")
