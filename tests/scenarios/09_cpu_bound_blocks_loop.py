# Scenario 09: when async helps and when it does not.
# Async helps while tasks wait; it cannot help CPU-bound work, which holds
# the event loop until it returns. Two witnesses show it:
#  - a ticker that counts loop turns: it gets no turn while crunch() runs in
#    one piece, and a turn per slice when the work yields between slices;
#  - a heartbeat that beats every 0.15 s: it keeps beating while main awaits
#    asyncio.sleep (an I/O wait), and not at all during a blocking time.sleep.
import asyncio
import time

ticks = 0  # loop turns the ticker got
beats = 0  # heartbeats so far


async def ticker(stop):
    global ticks
    while not stop.is_set():
        ticks += 1
        await asyncio.sleep(0)


async def heartbeat():
    global beats
    while True:
        await asyncio.sleep(0.15)
        beats += 1


def crunch(limit):
    """CPU-bound: never awaits, so no other task runs until it returns."""
    return sum(i * i for i in range(limit))


async def crunch_in_slices(limit, slices):
    """The same sum, yielding to the loop after each slice."""
    total = 0
    size = limit // slices
    for start in range(0, limit, size):
        total += sum(i * i for i in range(start, min(start + size, limit)))
        await asyncio.sleep(0)
    return total


async def main():
    stop = asyncio.Event()
    ticking = asyncio.create_task(ticker(stop))
    await asyncio.sleep(0)  # let the ticker start

    before = ticks
    total = crunch(300_000)
    print(f"crunch in one piece: total={total}, ticker turns meanwhile: {ticks - before}")

    before = ticks
    total = await crunch_in_slices(300_000, 4)
    print(f"crunch in 4 slices:  total={total}, ticker turns meanwhile: {ticks - before}")

    stop.set()
    await ticking
    print(f"ticker stopped after {ticks} turns")

    beating = asyncio.create_task(heartbeat())
    before = beats
    await asyncio.sleep(0.5)  # I/O-bound wait: the loop runs other tasks
    print(f"await asyncio.sleep(0.5): heartbeats meanwhile: {beats - before}")

    before = beats
    time.sleep(0.5)  # blocking call: nothing else runs
    print(f"time.sleep(0.5):          heartbeats meanwhile: {beats - before}")

    beating.cancel()


asyncio.run(main())
