# Memory: 100k tasks all waiting on one Event at once (the runner reads peak RSS).
import asyncio
import time


async def waiter(event):
    await event.wait()


async def main():
    event = asyncio.Event()
    start = time.perf_counter()
    tasks = [asyncio.create_task(waiter(event)) for _ in range(100000)]
    await asyncio.sleep(0)
    event.set()
    await asyncio.gather(*tasks)
    return time.perf_counter() - start


elapsed = asyncio.run(main())
print("elapsed", elapsed)
