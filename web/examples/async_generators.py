# Title: Async generators: async def with yield
# An `async def` with `yield` is an async generator: the easy way to write an
# async iterator. It may await between the values it yields, and `async for`
# (or an async comprehension) consumes it. Generators chain into pipelines.
import asyncio


async def readings(count):
    """Yields one sensor reading every 0.2 s."""
    for number in range(count):
        await asyncio.sleep(0.2)  # waiting for the sensor
        yield 18 + number * 1.5


async def smoothed(source):
    """Yields the mean of the last two values of `source`."""
    previous = None
    async for value in source:
        if previous is not None:
            yield (previous + value) / 2
        previous = value


async def main():
    loop = asyncio.get_running_loop()
    started = loop.time()
    async for value in smoothed(readings(5)):
        print(f"{loop.time() - started:.1f}s: {value:.2f} degrees")

    hot = [value async for value in readings(6) if value > 22]
    print("over 22 degrees:", hot)


asyncio.run(main())
