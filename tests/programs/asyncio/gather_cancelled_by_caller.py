# Checks cancelling a gather future cancels its children.
import asyncio
async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def main():
    group = asyncio.gather(child("one"), child("two"))
    await asyncio.sleep(0.1)
    group.cancel()
    try:
        await group
    except asyncio.CancelledError:
        print("gather cancelled")
asyncio.run(main())
