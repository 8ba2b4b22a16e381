# Checks a failing TaskGroup task cancels its siblings and raises an ExceptionGroup.
import asyncio
async def ok():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("sibling cancelled")
        raise
async def bad(message, seconds):
    await asyncio.sleep(seconds)
    raise ValueError(message)
async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(ok())
            group.create_task(bad("first failure", 0.1))
            group.create_task(bad("too late", 1))
    except* ValueError as eg:
        print(type(eg).__name__, eg.message, [str(e) for e in eg.exceptions])
asyncio.run(main())
