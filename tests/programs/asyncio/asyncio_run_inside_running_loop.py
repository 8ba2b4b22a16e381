# Checks calling asyncio.run from inside a running loop raises RuntimeError.
import asyncio
async def inner():
    return 1
async def main():
    coro = inner()
    try:
        asyncio.run(coro)
    except RuntimeError as error:
        print("RuntimeError:", error)
    coro.close()
asyncio.run(main())
