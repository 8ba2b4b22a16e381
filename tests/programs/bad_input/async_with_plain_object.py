# Checks the TypeError for async with on an object without __aenter__.
import asyncio
async def main():
    async with object():
        pass
asyncio.run(main())
