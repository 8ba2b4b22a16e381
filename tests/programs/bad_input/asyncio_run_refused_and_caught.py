# Checks that asyncio.run() refused inside a running loop and caught warns that its
# coroutine was never awaited when the exception goes, at the except block's last line.
import asyncio
async def inner():
    return 1
async def main():
    try:
        asyncio.run(inner())
    except RuntimeError as error:
        print("caught:", error)
    print("after")
asyncio.run(main())
print("done")
