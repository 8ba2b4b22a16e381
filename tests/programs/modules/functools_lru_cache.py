# Checks lru_cache memoizes calls, reports cache_info, respects maxsize and cache_clear.
from functools import lru_cache, cache
calls = []
@lru_cache(maxsize=2)
def square(n):
    calls.append(n)
    return n * n
for n in (1, 2, 1, 3, 1, 2):
    square(n)
print(calls, square.cache_info())
square.cache_clear()
print(square.cache_info())
@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(150))
