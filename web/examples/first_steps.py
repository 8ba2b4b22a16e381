# Title: First steps: async def and await
# An `async def` function is a coroutine function: calling it does not run it,
# it makes a coroutine object. `await` runs a coroutine to its end and hands
# back its return value. asyncio.run() starts the event loop for the first one.
import asyncio
import time

STARTED = time.perf_counter()


def elapsed():
    return f"{time.perf_counter() - STARTED:.1f}s"


async def boil_water():
    print(f"[{elapsed()}] kettle on")
    await asyncio.sleep(1)  # waits without blocking: other tasks could run now
    print(f"[{elapsed()}] water boiled")
    return "hot water"


async def make_tea():
    water = await boil_water()  # pauses make_tea until boil_water returns
    print(f"[{elapsed()}] pouring {water}")
    await asyncio.sleep(0.5)
    return "tea"


async def main():
    pending = make_tea()
    print(type(pending).__name__, "object made; nothing has run yet")
    drink = await pending
    print(f"[{elapsed()}] {drink} is ready")


asyncio.run(main())
