# Checks put() on a full bounded queue waits until a consumer makes room.
import asyncio
async def producer(queue, loop):
    for n in range(4):
        await queue.put(n)
        print(f"[{loop.time():.1f}] put {n}")
async def consumer(queue, loop):
    for _ in range(4):
        await asyncio.sleep(1)
        item = await queue.get()
        print(f"[{loop.time():.1f}] got {item}")
async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(queue, loop), consumer(queue, loop))
asyncio.run(main())
