# Checks create_task(name=), get_name, set_name and default Task-N names.
import asyncio
async def noop():
    await asyncio.sleep(0)
async def main():
    named = asyncio.create_task(noop(), name="downloader")
    unnamed = asyncio.create_task(noop())
    print(named.get_name())
    print(unnamed.get_name().startswith("Task-"))
    named.set_name("renamed")
    print(named.get_name())
    await asyncio.gather(named, unnamed)
asyncio.run(main())
