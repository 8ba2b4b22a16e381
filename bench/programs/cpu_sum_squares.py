# CPU-bound: a generator expression feeding sum(), a million int powers.
import time

start = time.perf_counter()
total = sum(i ** 2 for i in range(1000000))
elapsed = time.perf_counter() - start
print(total)
print("elapsed", elapsed)
