# CPU-bound: a 1.2 MB string built from 200,000 pieces with += in a function, which
# CPython appends in place (a copy per piece would take quadratic time).
import time


def build(count):
    text = ""
    for n in range(count):
        text += str(n)
        text += " "
    return text


start = time.perf_counter()
text = build(200000)
elapsed = time.perf_counter() - start
print(len(text), text[-14:])
print("elapsed", elapsed)
