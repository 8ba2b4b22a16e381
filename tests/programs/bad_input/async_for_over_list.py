# Checks the TypeError for async for over a plain list.
import asyncio
async def main():
    async for item in [1, 2]:
        print(item)
asyncio.run(main())
