# Checks wait_for raises TimeoutError when the awaitable is too slow and cancels it.
import asyncio
async def slow():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("slow was cancelled")
        raise
async def main():
    loop = asyncio.get_running_loop()
    try:
        await asyncio.wait_for(slow(), timeout=1.5)
    except asyncio.TimeoutError as error:
        print("timed out at", round(loop.time(), 2), type(error).__name__)
asyncio.run(main())
