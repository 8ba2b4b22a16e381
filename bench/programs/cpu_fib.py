# CPU-bound: 1.6 million recursive Python calls.
import time


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


start = time.perf_counter()
result = fib(30)
elapsed = time.perf_counter() - start
print(result)
print("elapsed", elapsed)
