# Checks a periodic task loop stopped by an Event.
import asyncio
async def periodic(stop, loop):
    while not stop.is_set():
        print(f"tick {loop.time():.1f}")
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.4)
        except asyncio.TimeoutError:
            pass
    print("periodic stopped")
async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    task = asyncio.create_task(periodic(stop, loop))
    await asyncio.sleep(1)
    stop.set()
    await task
asyncio.run(main())
