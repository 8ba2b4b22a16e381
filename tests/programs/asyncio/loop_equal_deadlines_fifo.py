# Checks timers with equal deadlines fire in the order they were scheduled.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    for label in "abcde":
        loop.call_later(0.5, print, label)
    await asyncio.sleep(1)
asyncio.run(main())
