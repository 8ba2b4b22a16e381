# Checks default task names count up from Task-1 (the main task) per program.
import asyncio
async def noop():
    pass
async def main():
    print(asyncio.current_task().get_name())
    tasks = [asyncio.create_task(noop()) for _ in range(3)]
    print([t.get_name() for t in tasks])
    await asyncio.gather(*tasks)
asyncio.run(main())
