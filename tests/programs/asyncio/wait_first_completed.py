# Checks asyncio.wait(return_when=FIRST_COMPLETED) returns done and pending sets.
import asyncio
async def job(seconds):
    await asyncio.sleep(seconds)
    return seconds
async def main():
    tasks = [asyncio.create_task(job(s), name=f"job-{s}") for s in (3, 1, 2)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending))
    for task in pending:
        task.cancel()
    print(asyncio.FIRST_COMPLETED, asyncio.ALL_COMPLETED, asyncio.FIRST_EXCEPTION)
asyncio.run(main())
