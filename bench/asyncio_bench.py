"""The CPython 3.11 asyncio half of the core benchmark, and the report.

Runs the same workloads as bench/aio_bench.cpp (see bench/README.md) on
CPython's asyncio and prints "metric<TAB>value" lines. With --compare FILE
(aio_bench's output) it prints instead the combined table: our figure,
CPython's, the ratio CPython / ours, and the target each figure is held to.
--compare-wasm FILE (aio_bench built with em++, run under node) adds the
memory per idle task of the wasm32 build.

Times are CPU time of the running thread (time.thread_time()), as on the C++
side: every workload is CPU-bound, and CPU time stays meaningful on a busy
machine.

The timers workload runs on a virtual-time event loop (VirtualTimeLoop
below), as the C++ side runs on VirtualTimeHost: the clock jumps to the next
timer instead of sleeping, so both figures are the runtime's own cost.
Memory per task is counted with tracemalloc (requested bytes), as the C++
side counts requested bytes through a global operator new.
"""

import argparse
import asyncio
import os
import selectors
import sys
import time
import tracemalloc

SWITCHES = 400_000        # task steps in the ping-pong (C++: 2M; per-switch figure)
GATHERED_TASKS = 100_000  # tasks created and gathered; also the idle-task count
QUEUE_ITEMS = 1_000_000   # the queue figure is per 1M items (C++ runs all 1M)
QUEUE_ITEMS_RUN = 100_000 # CPython runs 100k and scales x10 unless --full (16 s per 1M)
TIMERS = 10_000           # tasks each sleeping a distinct delay


class VirtualTimeSelector(selectors.DefaultSelector):
    """A selector whose wait advances the loop's virtual clock instead of
    blocking. Nothing but the loop's own self-pipe is ever registered."""

    def __init__(self):
        super().__init__()
        self.clock = 0.0  # virtual seconds since the loop started

    def select(self, timeout=None):
        if timeout:
            self.clock += timeout
        return []


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """asyncio's own loop with a virtual clock: unchanged scheduling."""

    def __init__(self):
        super().__init__(VirtualTimeSelector())

    def time(self):
        return self._selector.clock


def run(main, loop_factory=asyncio.new_event_loop):
    """asyncio.run on a loop from loop_factory (3.11's run() takes no factory)."""
    loop = loop_factory()
    try:
        return loop.run_until_complete(main)
    finally:
        loop.close()


def best_of(repetitions, measure):
    return min(measure() for _ in range(repetitions))


# --- 1. task switch: two tasks ping-pong through sleep(0) --------------------

async def yield_repeatedly(times):
    for _ in range(times):
        await asyncio.sleep(0)


async def ping_pong(switches):
    start = time.thread_time()
    first = asyncio.create_task(yield_repeatedly(switches // 2))
    second = asyncio.create_task(yield_repeatedly(switches // 2))
    await first
    await second
    return time.thread_time() - start


# --- 2. create + gather 100k tasks that each sleep(0) ------------------------

async def yield_once():
    await asyncio.sleep(0)


async def create_and_gather(count):
    start = time.thread_time()
    await asyncio.gather(*[yield_once() for _ in range(count)])
    return time.thread_time() - start


# --- 2b. memory per idle task: tasks awaiting one future ---------------------

async def wait_for_gate(gate):
    await gate


async def idle_task_memory(count):
    """Bytes per task: coroutine object, task object, all waiting, peak."""
    gate = asyncio.get_running_loop().create_future()
    bodies = [None] * count  # the benchmark's own lists exist before the baseline
    tasks = [None] * count
    tracemalloc.start()
    baseline = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    for i in range(count):
        bodies[i] = wait_for_gate(gate)
    after_frames = tracemalloc.get_traced_memory()[0]
    for i in range(count):
        tasks[i] = asyncio.create_task(bodies[i])
    after_create = tracemalloc.get_traced_memory()[0]
    await asyncio.sleep(0)  # every task runs its first step
    waiting, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    gate.set_result(None)
    for task in tasks:
        await task
    return {
        "memory_frame_bytes": (after_frames - baseline) / count,
        "memory_task_bytes": (after_create - after_frames) / count,
        "memory_waiting_bytes": (waiting - baseline) / count,
        "memory_peak_bytes": (peak - baseline) / count,
    }


# --- 3. queue ping-pong through Queue(maxsize=1) ------------------------------

async def produce(queue, items):
    for i in range(items):
        await queue.put(i)


async def consume(queue, items):
    for _ in range(items):
        await queue.get()


async def queue_ping_pong(items):
    queue = asyncio.Queue(maxsize=1)
    start = time.thread_time()
    producer = asyncio.create_task(produce(queue, items))
    consumer = asyncio.create_task(consume(queue, items))
    await producer
    await consumer
    return time.thread_time() - start


# --- 4. 10k timers: each task sleeps its own delay ----------------------------

def scrambled_delay(i, count):
    """Distinct delays from 0.1 ms up, scrambled (same formula as the C++)."""
    return ((i * 7919) % count + 1) * 1e-4


async def many_timers(count):
    start = time.thread_time()
    await asyncio.gather(*[asyncio.sleep(scrambled_delay(i, count)) for i in range(count)])
    return time.thread_time() - start


def measure(repetitions, full):
    """Every CPython figure, keyed as aio_bench keys its own."""
    figures = {}
    switch = best_of(repetitions, lambda: run(ping_pong(SWITCHES)))
    figures["switch_ns"] = switch / SWITCHES * 1e9
    gather = best_of(repetitions, lambda: run(create_and_gather(GATHERED_TASKS)))
    figures["gather_ms"] = gather * 1e3
    figures.update(run(idle_task_memory(GATHERED_TASKS)))
    items = QUEUE_ITEMS if full else QUEUE_ITEMS_RUN
    queue = best_of(repetitions, lambda: run(queue_ping_pong(items)))
    figures["queue_ms"] = queue * 1e3 * QUEUE_ITEMS / items
    timers = best_of(repetitions, lambda: run(many_timers(TIMERS), VirtualTimeLoop))
    figures["timers_ms"] = timers * 1e3
    return figures


# --- the report ---------------------------------------------------------------

# (metric, label, unit, target): a target is ("max", x) on our figure,
# ("ratio", x) on CPython / ours, or None.
ROWS = [
    ("switch_ns", "1. task switch, sleep(0) ping-pong", "ns/switch", ("max", 50)),
    ("gather_ms", "2. create+gather 100k tasks (sleep(0))", "ms", ("ratio", 20)),
    ("memory_waiting_bytes", "2. memory per idle task, x86-64", "bytes", ("max", 200)),
    ("memory_task_bytes", "   - task object (+ first-step entry)", "bytes", None),
    ("memory_frame_bytes", "   - coroutine frame / object", "bytes", None),
    ("memory_peak_bytes", "   peak per task while starting", "bytes", None),
    ("queue_ms", "3. Queue(maxsize=1) ping-pong, 1M items", "ms", None),
    ("timers_ms", "4. 10k timers, distinct delays (virtual)", "ms", None),
]


def read_figures(path):
    figures = {}
    with open(path) as lines:
        for line in lines:
            metric, value = line.split("\t")
            figures[metric] = float(value)
    return figures


def verdict(target, ours, ratio):
    if target is None:
        return ""
    kind, bound = target
    if kind == "max":
        return f"<= {bound:g}  " + ("met" if ours <= bound else "MISSED")
    return f">= {bound:g}x " + ("met" if ratio >= bound else "MISSED")


def print_table(ours, cpython, full, repetitions, wasm=None):
    header = ("workload", "unit", "ours", "CPython", "CPy/ours", "target")
    table = list(ROWS)
    if wasm is not None:
        ours = dict(ours, wasm_memory_waiting_bytes=wasm["memory_waiting_bytes"])
        cpython = dict(cpython, wasm_memory_waiting_bytes=cpython["memory_waiting_bytes"])
        table.insert(3, ("wasm_memory_waiting_bytes", "   same, wasm32 build (em++, node)",
                         "bytes", ("max", 200)))
    rows = []
    for metric, label, unit, target in table:
        mine, theirs = ours[metric], cpython[metric]
        ratio = theirs / mine if mine else float("inf")
        rows.append((label, unit, f"{mine:.1f}", f"{theirs:.1f}", f"{ratio:.1f}x",
                     verdict(target, mine, ratio)))
    widths = [max(len(row[i]) for row in rows + [header]) for i in range(len(header))]
    align = ["<", "<", ">", ">", ">", "<"]

    def line(row):
        return "  ".join(f"{cell:{a}{w}}" for cell, a, w in zip(row, align, widths)).rstrip()

    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
    print()
    print("ours: core/aio, g++ -O2, best of 5 (switch/gather/memory/queue on NativeHost, "
          "timers on VirtualTimeHost)")
    print(f"CPython {sys.version.split()[0]} asyncio, best of {repetitions} "
          "(timers on a virtual-time loop)")
    print("times: CPU time of the running thread; memory: requested bytes "
          "(counting operator new / tracemalloc)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    if not full:
        print(f"CPython queue: {QUEUE_ITEMS_RUN:,} items, time scaled to {QUEUE_ITEMS:,} "
              f"(--full runs all of them)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=3)
    parser.add_argument("--full", action="store_true",
                        help="CPython queue with all 1M items instead of 100k scaled x10")
    parser.add_argument("--compare", metavar="FILE",
                        help="aio_bench output: print the combined table")
    parser.add_argument("--compare-wasm", metavar="FILE",
                        help="output of aio_bench built with em++: add its memory figure")
    args = parser.parse_args()
    repetitions = max(1, args.repetitions)
    cpython = measure(repetitions, args.full)
    if args.compare:
        wasm = read_figures(args.compare_wasm) if args.compare_wasm else None
        print_table(read_figures(args.compare), cpython, args.full, repetitions, wasm)
    else:
        for metric, value in cpython.items():
            print(f"{metric}\t{value:.3f}")


if __name__ == "__main__":
    main()
