# Checks cleanup in finally runs on cancellation, and awaiting inside the cleanup works.
import asyncio
async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("cleanup starts")
        await asyncio.sleep(0.5)
        print("cleanup done")
async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(worker())
    await asyncio.sleep(1)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("worker cancelled at", round(loop.time(), 2))
asyncio.run(main())
