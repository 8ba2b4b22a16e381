# Checks a failed task whose exception is never retrieved is logged on stderr when it is collected.
import asyncio
async def fails():
    raise ValueError("nobody looks at me")
async def main():
    asyncio.create_task(fails())
    await asyncio.sleep(0.1)
    print("main done")
asyncio.run(main())
