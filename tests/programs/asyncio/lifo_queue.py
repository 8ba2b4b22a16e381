# Checks LifoQueue returns the most recently added item first.
import asyncio
async def main():
    queue = asyncio.LifoQueue()
    for item in "abc":
        queue.put_nowait(item)
    print([queue.get_nowait() for _ in range(3)])
asyncio.run(main())
