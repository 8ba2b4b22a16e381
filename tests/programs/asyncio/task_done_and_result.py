# Checks Task.done() and result() before and after completion, and InvalidStateError when pending.
import asyncio
async def answer():
    await asyncio.sleep(0.1)
    return 42
async def main():
    task = asyncio.create_task(answer())
    print(task.done())
    try:
        task.result()
    except asyncio.InvalidStateError as error:
        print("InvalidStateError:", error)
    await task
    print(task.done(), task.result(), task.cancelled(), task.exception())
asyncio.run(main())
