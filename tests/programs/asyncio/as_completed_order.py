# Checks as_completed yields results in completion order.
import asyncio
async def job(name, seconds):
    await asyncio.sleep(seconds)
    return name
async def main():
    loop = asyncio.get_running_loop()
    coros = [job("c", 0.3), job("a", 0.1), job("b", 0.2)]
    for next_done in asyncio.as_completed(coros):
        print(await next_done, round(loop.time(), 2))
asyncio.run(main())
