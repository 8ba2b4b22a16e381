# Checks wait_for returns the result when the awaitable finishes before the timeout.
import asyncio
async def quick():
    await asyncio.sleep(0.5)
    return "quick result"
async def main():
    print(await asyncio.wait_for(quick(), timeout=2))
    print(await asyncio.wait_for(quick(), timeout=None))
asyncio.run(main())
