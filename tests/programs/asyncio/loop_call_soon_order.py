# Checks call_soon callbacks run in FIFO order, after the current task yields, with arguments.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    for n in range(3):
        loop.call_soon(print, "callback", n)
    handle = loop.call_soon(print, "cancelled callback")
    handle.cancel()
    print("scheduled")
    await asyncio.sleep(0)
    print("after one yield")
asyncio.run(main())
