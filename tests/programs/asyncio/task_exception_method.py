# Checks Task.exception() returns the raised exception and result() re-raises it.
import asyncio
async def broken():
    await asyncio.sleep(0)
    raise RuntimeError("went wrong")
async def main():
    task = asyncio.create_task(broken())
    await asyncio.wait([task])
    print(task.done(), repr(task.exception()))
    try:
        task.result()
    except RuntimeError as error:
        print("result() raised", error)
asyncio.run(main())
