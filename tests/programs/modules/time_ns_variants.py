# Checks perf_counter_ns and monotonic_ns advance by whole nanoseconds of a sleep.
import time
start = time.perf_counter_ns()
time.sleep(0.5)
print(time.perf_counter_ns() - start)
print(type(time.monotonic_ns()).__name__)
