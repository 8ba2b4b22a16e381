# Checks asyncio.sleep(delay, result) returns result after the delay.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    value = await asyncio.sleep(1.25, result="payload")
    print(value, round(loop.time() - start, 2))
    print(await asyncio.sleep(0))
asyncio.run(main())
