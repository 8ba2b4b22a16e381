# Checks asyncio.sleep(0) yields to other ready tasks, giving round-robin interleaving.
import asyncio
async def worker(name, steps):
    for step in range(steps):
        print(name, step)
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(worker("a", 3), worker("b", 2), worker("c", 3))
asyncio.run(main())
