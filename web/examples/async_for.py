# Title: Async iterators: async for
# An async iterator is like an iterator whose __next__ may wait: it defines
# __aiter__ and an `async def __anext__`, and ends by raising
# StopAsyncIteration. `async for` awaits __anext__ for each item.
import asyncio


class Ticker:
    """Counts from 1 to `last`, one number every `interval` seconds."""

    def __init__(self, last, interval):
        self.last = last
        self.interval = interval
        self.number = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.number == self.last:
            raise StopAsyncIteration  # ends the async for loop
        await asyncio.sleep(self.interval)
        self.number += 1
        return self.number


async def main():
    loop = asyncio.get_running_loop()
    started = loop.time()
    async for number in Ticker(3, 0.5):
        print(f"tick {number} at {loop.time() - started:.1f}s")

    # async comprehensions collect from async iterators too
    squares = [number * number async for number in Ticker(4, 0.1)]
    print("squares:", squares)


asyncio.run(main())
