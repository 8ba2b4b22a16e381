# Checks task_done() called more times than items raises ValueError.
import asyncio
async def main():
    queue = asyncio.Queue()
    await queue.put(1)
    await queue.get()
    queue.task_done()
    try:
        queue.task_done()
    except ValueError as error:
        print("ValueError:", error)
asyncio.run(main())
