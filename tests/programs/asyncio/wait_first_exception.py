# Checks asyncio.wait(return_when=FIRST_EXCEPTION) returns as soon as one task fails.
import asyncio
async def job(seconds, fail=False):
    await asyncio.sleep(seconds)
    if fail:
        raise ValueError(f"failed after {seconds}")
    return seconds
async def main():
    tasks = [asyncio.create_task(job(2)), asyncio.create_task(job(0.5, fail=True)), asyncio.create_task(job(0.1))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    print(sorted(repr(t.exception()) for t in done))
    for task in pending:
        task.cancel()
asyncio.run(main())
