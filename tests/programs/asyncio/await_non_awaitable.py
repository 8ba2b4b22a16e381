# Checks awaiting a non-awaitable value raises TypeError.
import asyncio
async def main():
    try:
        await 5
    except TypeError as error:
        print("TypeError:", error)
    try:
        await asyncio.gather(1)
    except TypeError as error:
        print("TypeError:", error)
asyncio.run(main())
