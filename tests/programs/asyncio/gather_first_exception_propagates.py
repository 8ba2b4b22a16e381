# Checks gather without return_exceptions raises the first exception while other tasks keep running.
import asyncio
async def slow():
    await asyncio.sleep(0.5)
    print("slow finished anyway")
    return "slow"
async def broken():
    await asyncio.sleep(0.1)
    raise KeyError("broken")
async def main():
    slow_task = asyncio.create_task(slow())
    try:
        await asyncio.gather(slow_task, broken())
    except KeyError as error:
        print("gather raised", repr(error), "slow done?", slow_task.done())
    print(await slow_task)
asyncio.run(main())
