# Checks a task that catches CancelledError and returns normally is not marked cancelled.
import asyncio
async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("ignoring the cancellation")
    return "finished normally"
async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    task.cancel()
    print(await task, task.cancelled())
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
asyncio.run(main())
