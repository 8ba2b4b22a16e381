# Checks TaskGroup waits for all its tasks when the async with block ends.
import asyncio
async def job(name, seconds):
    await asyncio.sleep(seconds)
    print("finished", name)
    return name
async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as group:
        first = group.create_task(job("first", 0.2))
        second = group.create_task(job("second", 0.1), name="second-task")
        print("tasks started")
    print(first.result(), second.result(), second.get_name(), round(loop.time(), 2))
asyncio.run(main())
