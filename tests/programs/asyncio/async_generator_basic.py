# Checks an async generator yielding values between awaits, consumed by async for.
import asyncio
async def countdown(n):
    while n > 0:
        await asyncio.sleep(0.1)
        yield n
        n -= 1
async def main():
    async for value in countdown(3):
        print(value)
    agen = countdown(1)
    print(type(agen).__name__)
    print(await agen.__anext__())
asyncio.run(main())
