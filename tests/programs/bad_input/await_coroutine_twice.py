# Checks the RuntimeError for awaiting one coroutine object twice.
import asyncio
async def work():
    return 1
async def main():
    job = work()
    print(await job)
    await job
asyncio.run(main())
