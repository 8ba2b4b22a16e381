# Checks the RuntimeError for asyncio.run() called from a running loop.
import asyncio
async def inner():
    return 1
async def main():
    asyncio.run(inner())
asyncio.run(main())
