# Checks async for over a class with __aiter__ / __anext__ raising StopAsyncIteration.
import asyncio
class Ticker:
    def __init__(self, count):
        self.count = count
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.count == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.5)
        self.count -= 1
        return self.count
async def main():
    loop = asyncio.get_running_loop()
    async for value in Ticker(3):
        print(value, round(loop.time(), 2))
    else:
        print("async for else runs")
asyncio.run(main())
