# Checks how programs report: sys.argv, print to sys.stderr, time.perf_counter and time.time differences, dicts printed whole, enumerate, a with block, and f-strings with float, width and percent specs.
import sys
import time


class Timer:
    def __enter__(self):
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc_info):
        self.elapsed = time.perf_counter() - self.started


values = [0.25, 1.5, 2.125]
with Timer() as timer:
    report = {"count": len(values), "names": ["a", "b"], "ok": True, "mean": sum(values) / len(values)}
    wall_started = time.time()
print(report, f"share {values[0] / sum(values):.1%}", time.time() - wall_started < 1)
for index, value in enumerate(values, 1):
    print(f"{index}. {value:>8.2f} s|{value:<6.1f}|{value:^7}|{'slow'.upper() if value > 2 else 'ok'}")
print("took less than a second" if timer.elapsed < 1 else "slow", file=sys.stderr)
print("args:", len(sys.argv), sys.version_info[0] >= 3, round(2.567, 2), 1 / 3)
