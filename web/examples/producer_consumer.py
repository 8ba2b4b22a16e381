# Title: Producer and consumers with asyncio.Queue
# A queue connects tasks that make work with tasks that do it. A bounded
# queue (maxsize) makes a fast producer wait at `await queue.put()` until a
# consumer has room; queue.join() waits until every item was task_done().
import asyncio
import time

STARTED = time.perf_counter()


def log(message):
    print(f"[{time.perf_counter() - STARTED:.1f}s] {message}")


async def baker(queue):
    for number in range(1, 6):
        await asyncio.sleep(0.2)  # baking one loaf
        await queue.put(f"loaf {number}")  # waits while the shelf is full
        log(f"baked loaf {number} (shelf: {queue.qsize()})")


async def seller(name, queue, seconds):
    while True:
        loaf = await queue.get()
        await asyncio.sleep(seconds)  # serving a customer
        log(f"{name} sold {loaf}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)  # the shelf holds two loaves
    sellers = [
        asyncio.create_task(seller("Ana", queue, 0.7)),
        asyncio.create_task(seller("Ben", queue, 0.9)),
    ]
    await baker(queue)
    await queue.join()  # every loaf sold
    for task in sellers:
        task.cancel()  # the sellers loop forever; send them home
    log("closed for the day")


asyncio.run(main())
