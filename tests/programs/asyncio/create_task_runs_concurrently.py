# Checks create_task schedules a coroutine to run as soon as the creator awaits.
import asyncio
async def background():
    print("background started")
    await asyncio.sleep(1)
    print("background done")
async def main():
    task = asyncio.create_task(background())
    print("task created")
    await asyncio.sleep(0)
    print("main continues")
    await task
    print("main done")
asyncio.run(main())
