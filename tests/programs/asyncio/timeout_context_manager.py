# Checks async with asyncio.timeout() cancels the block and raises TimeoutError.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(1):
            print("starting long operation")
            await asyncio.sleep(10)
            print("not reached")
    except TimeoutError:
        print("TimeoutError at", round(loop.time(), 2))
    print(asyncio.TimeoutError is TimeoutError)
asyncio.run(main())
