# Checks an exception escaping asyncio.run's coroutine prints a traceback and exits 1.
import asyncio
async def fetch():
    await asyncio.sleep(0.1)
    raise ConnectionError("server unreachable")
async def main():
    print("fetching")
    await fetch()
asyncio.run(main())
