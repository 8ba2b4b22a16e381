# Checks the TypeError for awaiting an int.
import asyncio
async def main():
    await 3
asyncio.run(main())
