# Checks awaiting coroutines one by one adds their delays, while gather overlaps them.
import asyncio
async def job(seconds):
    await asyncio.sleep(seconds)
    return seconds
async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await job(1)
    await job(2)
    print("sequential:", round(loop.time() - start, 2))
    start = loop.time()
    await asyncio.gather(job(1), job(2))
    print("concurrent:", round(loop.time() - start, 2))
asyncio.run(main())
