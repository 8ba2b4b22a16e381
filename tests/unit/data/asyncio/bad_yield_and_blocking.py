# A generator-based awaitable yielding something other than a future: "Task got bad
# yield"; and time.sleep() inside a task blocks the whole loop.
import asyncio
import time


class Odd:
    def __await__(self):
        yield 42


async def main():
    try:
        await Odd()
    except RuntimeError as error:
        print("RuntimeError:", error)
    start = time.monotonic()
    time.sleep(0.25)
    await asyncio.sleep(0.25)
    print(time.monotonic() - start >= 0.5)


asyncio.run(main())
