# Checks ensure_future turns a coroutine into a Task and passes Futures through unchanged.
import asyncio
async def job():
    return "done"
async def main():
    task = asyncio.ensure_future(job())
    print(isinstance(task, asyncio.Task), await task)
    future = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(future) is future)
    future.set_result(None)
    try:
        asyncio.ensure_future(42)
    except TypeError as error:
        print("TypeError:", error)
asyncio.run(main())
