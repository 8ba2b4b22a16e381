# Checks cancelling a sleeping task raises CancelledError inside it and marks it cancelled.
import asyncio
async def sleeper():
    try:
        print("sleeping")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled while sleeping")
        raise
async def main():
    loop = asyncio.get_running_loop()
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(1)
    print("cancel() returned", task.cancel())
    try:
        await task
    except asyncio.CancelledError:
        print("awaiting it raised CancelledError")
    print(task.cancelled(), task.done(), round(loop.time(), 2))
    print("cancel again:", task.cancel())
asyncio.run(main())
