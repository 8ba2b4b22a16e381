# Scenario 04: an async iterator.
# `async for` awaits __anext__ for every item; StopAsyncIteration ends the loop.
import asyncio


class Countdown:
    def __init__(self, start):
        self.remaining = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.remaining == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.25)  # waiting for the next value to arrive
        value = self.remaining
        self.remaining -= 1
        return value


async def main():
    async for seconds_left in Countdown(3):
        print(f"T minus {seconds_left}")
    print("Liftoff!")


asyncio.run(main())
