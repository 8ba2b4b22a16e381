# Checks Event: waiters block until set(), is_set, clear.
import asyncio
async def waiter(name, event):
    print(name, "waiting")
    await event.wait()
    print(name, "woke up")
async def main():
    loop = asyncio.get_running_loop()
    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, event)) for n in ("w1", "w2")]
    await asyncio.sleep(1)
    print("setting at", round(loop.time(), 2), event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    print(event.is_set())
    event.clear()
    print(event.is_set())
    event.set()
    await event.wait()
    print("wait on a set event returns at once")
asyncio.run(main())
