# Checks Queue.join waits until task_done was called for every item.
import asyncio
async def worker(name, queue):
    while True:
        item = await queue.get()
        await asyncio.sleep(item)
        print(name, "processed", item)
        queue.task_done()
async def main():
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()
    for item in (0.3, 0.1, 0.2, 0.4):
        queue.put_nowait(item)
    workers = [asyncio.create_task(worker(f"w{i}", queue)) for i in range(2)]
    await queue.join()
    print("all processed at", round(loop.time(), 2))
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
asyncio.run(main())
