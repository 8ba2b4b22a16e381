#!/usr/bin/env python3
"""The interpreter benchmark: the programs in bench/programs/ on awaitpad's native CLI
and on CPython 3.11, in the same run, with ratios.

Each program measures its own workload with time.perf_counter() and prints
"elapsed SECONDS" as its last line, so interpreter start-up is not counted (it is
reported separately). Peak RSS comes from the kernel (wait4's ru_maxrss) for the whole
process. Each side takes the best of N runs (--repetitions, default 3).

    python3 bench/programs_bench.py [--awaitpad build/native/awaitpad] [--repetitions N]
                                    [--only NAME]

Targets (issue 3): CPU-bound programs within 1.5x CPython's time; asyncio programs at
least 3x faster; peak RSS of 100k pending tasks below CPython's; the steady loop's peak
RSS the same for 10k and 1M turns. Missing a target prints MISSED; nothing fails.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
TARGETS = {"cpu": ("time", 1 / 1.5), "aio": ("time", 3.0), "mem": ("rss", 1.0)}


def run_once(command):
    """(elapsed seconds printed by the program, peak RSS in KiB, wall seconds)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    out = process.stdout.read().decode()
    err = process.stderr.read().decode()
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{err[-2000:]}")
    last = out.strip().splitlines()[-1].split()
    return float(last[1]), usage.ru_maxrss, wall


def best(command, repetitions):
    runs = [run_once(command) for _ in range(repetitions)]
    return min(r[0] for r in runs), min(r[1] for r in runs), min(r[2] for r in runs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--awaitpad", default=os.path.join(HERE, "..", "build", "native", "awaitpad"))
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--only")
    options = parser.parse_args()
    python = sys.executable
    names = sorted(n[:-3] for n in os.listdir(PROGRAMS) if n.endswith(".py"))
    if options.only:
        names = [n for n in names if options.only in n]
    print(f"{'program':<22}{'awaitpad':>12}{'CPython':>12}{'ratio':>8}  target")
    for name in names:
        path = os.path.join(PROGRAMS, name + ".py")
        ours = best([options.awaitpad, "run", path], options.repetitions)
        theirs = best([python, path], options.repetitions)
        kind = name.split("_")[0]
        measure, target = TARGETS[kind]
        if measure == "time":
            ratio = theirs[0] / ours[0]
            shown = (f"{ours[0] * 1000:>10.1f}ms{theirs[0] * 1000:>10.1f}ms")
        else:
            ratio = theirs[1] / ours[1]
            shown = f"{ours[1] / 1024:>10.1f}MB{theirs[1] / 1024:>10.1f}MB"
        verdict = "ok" if ratio >= target else "MISSED"
        print(f"{name:<22}{shown}{ratio:>7.2f}x  {measure} >= {target:.2f}x {verdict}")
        if name == "mem_steady_loop":
            with open(path) as file:
                short = file.read().replace("TURNS = 1000000", "TURNS = 10000")
            with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as file:
                file.write(short)
            short_rss = best([options.awaitpad, "run", file.name], options.repetitions)[1]
            os.unlink(file.name)
            growth = ours[1] - short_rss
            print(f"{'  (10k vs 1M turns)':<22}{short_rss / 1024:>10.1f}MB{ours[1] / 1024:>10.1f}MB"
                  f"  growth {growth} KiB {'ok' if growth < 1024 else 'MISSED'}")
    # Start-up: a one-line program, wall time of the whole process.
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as file:
        file.write("print('hello')\n")
    ours = min(run_start(options.awaitpad, file.name) for _ in range(options.repetitions))
    theirs = min(run_start(python, file.name) for _ in range(options.repetitions))
    os.unlink(file.name)
    print(f"{'start-up (wall)':<22}{ours * 1000:>10.1f}ms{theirs * 1000:>10.1f}ms{theirs / ours:>7.2f}x")


def run_start(interpreter, path):
    command = [interpreter, "run", path] if interpreter.endswith("awaitpad") else [interpreter, path]
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started

if __name__ == "__main__":
    main()
