# Checks Lock serializes critical sections and locked() reports state.
import asyncio
async def critical(name, lock, loop):
    async with lock:
        print(f"[{loop.time():.1f}] {name} enters")
        await asyncio.sleep(0.5)
        print(f"[{loop.time():.1f}] {name} leaves")
async def main():
    loop = asyncio.get_running_loop()
    lock = asyncio.Lock()
    print(lock.locked())
    await asyncio.gather(*(critical(n, lock, loop) for n in ("a", "b", "c")))
    await lock.acquire()
    print(lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as error:
        print("RuntimeError:", error)
asyncio.run(main())
