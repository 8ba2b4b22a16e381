# Checks time.sleep blocks for its duration, measured with perf_counter and monotonic under the virtual clock.
import time
start = time.perf_counter()
mono = time.monotonic()
time.sleep(1.5)
print(round(time.perf_counter() - start, 2))
time.sleep(0.25)
print(round(time.monotonic() - mono, 2))
wall = time.time()
time.sleep(2)
print(round(time.time() - wall, 2))
