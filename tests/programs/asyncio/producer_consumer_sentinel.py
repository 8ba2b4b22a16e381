# Checks a producer/consumer pipeline over a queue that ends with a None sentinel per consumer.
import asyncio
async def producer(queue, consumers):
    for n in range(5):
        await asyncio.sleep(0.1)
        await queue.put(n)
    for _ in range(consumers):
        await queue.put(None)
async def consumer(name, queue, results):
    while (item := await queue.get()) is not None:
        await asyncio.sleep(0.25)
        results.append((name, item))
    print(name, "stops")
async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue(maxsize=2)
    results = []
    await asyncio.gather(producer(queue, 2), consumer("A", queue, results), consumer("B", queue, results))
    print(results, round(loop.time(), 2))
asyncio.run(main())
