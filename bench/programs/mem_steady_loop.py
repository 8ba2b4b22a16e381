# Memory: a million turns of `await asyncio.sleep(0)` must not grow the heap. The runner
# also runs a copy with TURNS = 10000 and compares the two peak RSS figures.
import asyncio
import time

TURNS = 1000000


async def main():
    start = time.perf_counter()
    for _ in range(TURNS):
        await asyncio.sleep(0)
    return time.perf_counter() - start


elapsed = asyncio.run(main())
print("elapsed", elapsed)
