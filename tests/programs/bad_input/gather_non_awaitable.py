# Checks the TypeError for asyncio.gather() given an int.
import asyncio
async def main():
    try:
        await asyncio.gather(1)
    except TypeError as error:
        print("TypeError:", error)
asyncio.run(main())
