# Checks asyncio.timeout does nothing when the block finishes in time, and reschedule/expired.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(2) as scope:
        await asyncio.sleep(0.5)
        print("finished in time", scope.expired())
    async with asyncio.timeout(None) as scope:
        scope.reschedule(loop.time() + 0.1)
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cancelled inside the block")
            raise
    print("not reached")
try:
    asyncio.run(main())
except TimeoutError:
    print("TimeoutError escaped asyncio.run")
