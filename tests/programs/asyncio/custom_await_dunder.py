# Checks a class with __await__ (delegating to a coroutine's __await__) can be awaited.
import asyncio
class Delay:
    def __init__(self, seconds, value):
        self.seconds = seconds
        self.value = value
    def __await__(self):
        yield from asyncio.sleep(self.seconds).__await__()
        return self.value
async def main():
    loop = asyncio.get_running_loop()
    print(await Delay(0.5, "custom awaitable"), round(loop.time(), 2))
    print(await asyncio.gather(Delay(0.1, 1), Delay(0.2, 2)))
asyncio.run(main())
