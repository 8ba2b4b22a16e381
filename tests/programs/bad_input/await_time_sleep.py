# Checks the TypeError for awaiting time.sleep(), which returns None.
import asyncio
import time
async def main():
    print("sleeping")
    await time.sleep(1)
asyncio.run(main())
