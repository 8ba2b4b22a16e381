# Checks an uncaught ExceptionGroup from a TaskGroup ends the program (exit 1, last stderr line).
import asyncio
async def bad():
    await asyncio.sleep(0.1)
    raise KeyError("missing")
async def main():
    async with asyncio.TaskGroup() as group:
        group.create_task(bad())
asyncio.run(main())
