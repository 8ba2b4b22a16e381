# Checks PriorityQueue returns the smallest item first.
import asyncio
async def main():
    queue = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        await queue.put(item)
    while not queue.empty():
        print(await queue.get())
asyncio.run(main())
