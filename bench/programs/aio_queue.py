# asyncio: 100k items from a producer to a consumer through Queue(maxsize=1).
import asyncio
import time

ITEMS = 100000


async def producer(queue):
    for i in range(ITEMS):
        await queue.put(i)


async def consumer(queue):
    total = 0
    for _ in range(ITEMS):
        total += await queue.get()
    return total


async def main():
    queue = asyncio.Queue(maxsize=1)
    start = time.perf_counter()
    _, total = await asyncio.gather(producer(queue), consumer(queue))
    return total, time.perf_counter() - start


total, elapsed = asyncio.run(main())
print(total)
print("elapsed", elapsed)
