# Checks a task waiting on an empty Queue forever: CPython hangs, the recorder writes a deadlock marker.
import asyncio
async def consumer(queue):
    print("waiting for an item")
    item = await queue.get()
    print("got", item)
async def main():
    queue = asyncio.Queue()
    await asyncio.sleep(0.5)
    await consumer(queue)
asyncio.run(main())
