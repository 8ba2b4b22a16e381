# Checks asyncio.run cancels tasks still pending when the main coroutine returns.
import asyncio
async def forever():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("leftover task cancelled at shutdown")
        raise
async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(0.1)
    print("main returns")
asyncio.run(main())
print("after asyncio.run")
