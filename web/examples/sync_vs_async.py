# Title: Sync vs async: time.sleep blocks, asyncio.sleep waits
# time.sleep() stops the whole thread, so the event loop and every task stop
# too -- like a blocking library (requests) inside async code. asyncio.sleep()
# only pauses the task that awaits it, and the loop runs the others.
# (Times are rounded to whole seconds: a real clock adds a few milliseconds.)
import asyncio
import time


async def download_blocking(name):
    time.sleep(1)  # blocks everything for a second
    return name


async def download_async(name):
    await asyncio.sleep(1)  # lets other tasks run meanwhile
    return name


async def timed(label, downloads):
    started = time.perf_counter()
    names = await asyncio.gather(*downloads)
    print(f"{label}: {names} in {time.perf_counter() - started:.0f}s")


async def main():
    files = ["a.txt", "b.txt"]
    await timed("time.sleep   ", [download_blocking(name) for name in files])
    await timed("asyncio.sleep", [download_async(name) for name in files])


asyncio.run(main())
