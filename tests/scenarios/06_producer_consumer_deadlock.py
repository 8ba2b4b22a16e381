# Scenario 06: a producer and two consumers sharing a bounded queue.
# The kitchen cooks dishes faster than two waiters can serve them, so the
# queue (room for 3) fills up and `await queue.put()` makes the kitchen wait.
#
# The bug is on purpose: the kitchen puts one None ("closing time") for two
# waiters. The waiter who takes it goes home; the other one waits on
# queue.get() forever, and so does gather(). CPython hangs here; the recorder
# writes `--- deadlock ---`, and awaitpad reports which task waits on what.
# Delays come from fixed tables instead of random() so every run is the same.
# Two timers fall due at the same instant (0.7 s) and two within a nanosecond
# (1.4 s, float sums): CPython orders those by its timer heap (heapq, comparing
# deadlines only) and its clock resolution, not by creation order.
import asyncio
import time

COOK_SECONDS = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1]  # per dish, in cooking order
SERVE_SECONDS = [0.6, 0.5, 0.7, 0.4, 0.3, 0.5]  # per dish, by dish number
STARTED = time.perf_counter()


def log(message):
    print(f"[{time.perf_counter() - STARTED:.1f}s] {message}")


async def kitchen(queue):
    for number, seconds in enumerate(COOK_SECONDS):
        await asyncio.sleep(seconds)
        await queue.put(number)
        log(f"kitchen cooked dish {number} (queue: {queue.qsize()})")
    await queue.put(None)  # closing time -- but only one None for two waiters
    log("kitchen closed")


async def waiter(queue, name):
    while True:
        dish = await queue.get()
        if dish is None:
            queue.task_done()
            break
        await asyncio.sleep(SERVE_SECONDS[dish])
        log(f"{name} served dish {dish}")
        queue.task_done()
    log(f"{name} went home")


async def main():
    queue = asyncio.Queue(maxsize=3)
    await asyncio.gather(
        asyncio.create_task(kitchen(queue), name="kitchen"),
        asyncio.create_task(waiter(queue, "waiter-A"), name="waiter-A"),
        asyncio.create_task(waiter(queue, "waiter-B"), name="waiter-B"),
    )
    log("all done")  # never reached: one waiter is still waiting


asyncio.run(main())
