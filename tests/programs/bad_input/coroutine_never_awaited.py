# Checks the RuntimeWarning for a coroutine called without await.
import asyncio
async def work():
    print("never printed")
async def main():
    work()
    print("main done")
asyncio.run(main())
