# Checks a task cancelled before it ever ran never executes its body.
import asyncio
async def never():
    print("this never prints")
async def main():
    task = asyncio.create_task(never())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled before starting:", task.cancelled())
asyncio.run(main())
