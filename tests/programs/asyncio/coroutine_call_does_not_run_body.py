# Checks calling a coroutine function only creates a coroutine object; its body runs when awaited.
import asyncio
async def greet():
    print("greet body runs")
    return "greeted"
async def main():
    coro = greet()
    print("coroutine created:", type(coro).__name__)
    await asyncio.sleep(0)
    print("still not run")
    print(await coro)
    unused = greet()
    unused.close()
    print("closed without running")
asyncio.run(main())
