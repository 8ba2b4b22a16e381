# Checks @asynccontextmanager with awaits before and after yield.
import asyncio
from contextlib import asynccontextmanager
@asynccontextmanager
async def connection(name):
    await asyncio.sleep(0.1)
    print("connected", name)
    try:
        yield f"conn-{name}"
    finally:
        await asyncio.sleep(0.1)
        print("disconnected", name)
async def main():
    loop = asyncio.get_running_loop()
    async with connection("db") as conn:
        print("using", conn, round(loop.time(), 2))
    print("done at", round(loop.time(), 2))
asyncio.run(main())
