# Checks deep chains of awaited coroutines pass values back up.
import asyncio
async def level(n):
    if n == 0:
        await asyncio.sleep(0.1)
        return 0
    return 1 + await level(n - 1)
async def main():
    print(await level(50))
asyncio.run(main())
