# Checks loop.time() advances by exactly the awaited sleep durations under the virtual clock.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.25)
    print(round(loop.time() - start, 2))
    await asyncio.sleep(1)
    print(round(loop.time() - start, 2))
    print(asyncio.get_event_loop() is loop)
asyncio.run(main())
