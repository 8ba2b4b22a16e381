# Checks asyncio.Queue is first-in first-out, with qsize/empty/full.
import asyncio
async def main():
    queue = asyncio.Queue()
    for item in ("a", "b", "c"):
        await queue.put(item)
    print(queue.qsize(), queue.empty(), queue.full())
    print([await queue.get() for _ in range(3)], queue.empty())
asyncio.run(main())
