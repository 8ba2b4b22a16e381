# Checks aclose() on an async generator runs its finally block, awaiting inside it.
import asyncio
async def stream():
    try:
        for n in range(10):
            yield n
            await asyncio.sleep(0.1)
    finally:
        print("stream closing")
        await asyncio.sleep(0.1)
        print("stream closed")
async def main():
    agen = stream()
    async for value in agen:
        print(value)
        if value == 2:
            break
    await agen.aclose()
    print("after aclose")
asyncio.run(main())
