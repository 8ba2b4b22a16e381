# Checks gather(return_exceptions=True) puts exceptions in their result slots.
import asyncio
async def ok(value):
    await asyncio.sleep(0.1)
    return value
async def fail(message):
    await asyncio.sleep(0.05)
    raise ValueError(message)
async def main():
    results = await asyncio.gather(ok(1), fail("bad"), ok(3), return_exceptions=True)
    print(results)
    print([type(r).__name__ for r in results])
asyncio.run(main())
