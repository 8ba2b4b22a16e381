# Checks asyncio.wait with ALL_COMPLETED and with a timeout leaving tasks pending.
import asyncio
async def job(seconds):
    await asyncio.sleep(seconds)
    return seconds
async def main():
    loop = asyncio.get_running_loop()
    tasks = [asyncio.create_task(job(s)) for s in (0.5, 1.0)]
    done, pending = await asyncio.wait(tasks)
    print(sorted(t.result() for t in done), len(pending), round(loop.time(), 2))
    tasks = [asyncio.create_task(job(s)) for s in (0.5, 3.0)]
    done, pending = await asyncio.wait(tasks, timeout=1)
    print(sorted(t.result() for t in done), len(pending), round(loop.time(), 2))
    for task in pending:
        task.cancel()
asyncio.run(main())
