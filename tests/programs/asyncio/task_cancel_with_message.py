# Checks Task.cancel(msg) delivers the message in the CancelledError.
import asyncio
async def sleeper():
    await asyncio.sleep(5)
async def main():
    task = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    task.cancel("shutting down")
    try:
        await task
    except asyncio.CancelledError as error:
        print("CancelledError args:", error.args)
asyncio.run(main())
