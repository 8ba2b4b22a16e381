# Title: Three tasks at once
import asyncio
import time


async def brew(drink, minutes):
    print(f"{drink}: started")
    await asyncio.sleep(minutes)  # one "minute" is a second here
    print(f"{drink}: ready after {minutes}")
    return drink


async def main():
    started = time.perf_counter()
    # gather runs the three coroutines as tasks at the same time.
    drinks = await asyncio.gather(
        brew("tea", 3),
        brew("coffee", 2),
        brew("cocoa", 1),
    )
    elapsed = time.perf_counter() - started
    print(f"{drinks} took {elapsed:.0f} s, not {3 + 2 + 1} s")


asyncio.run(main())
