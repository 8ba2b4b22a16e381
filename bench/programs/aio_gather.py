# asyncio: create and gather 100k coroutines that each yield once.
import asyncio
import time


async def step():
    await asyncio.sleep(0)


async def main():
    start = time.perf_counter()
    await asyncio.gather(*(step() for _ in range(100000)))
    return time.perf_counter() - start


elapsed = asyncio.run(main())
print("elapsed", elapsed)
