# Checks get_nowait on an empty queue raises QueueEmpty and put_nowait on a full one raises QueueFull.
import asyncio
async def main():
    queue = asyncio.Queue(maxsize=1)
    try:
        queue.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    queue.put_nowait("x")
    try:
        queue.put_nowait("y")
    except asyncio.QueueFull:
        print("QueueFull")
    print(queue.get_nowait(), queue.maxsize)
asyncio.run(main())
