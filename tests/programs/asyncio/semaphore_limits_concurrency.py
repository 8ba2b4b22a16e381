# Checks Semaphore(2) lets at most two tasks in at a time.
import asyncio
async def download(name, semaphore, loop):
    async with semaphore:
        print(f"[{loop.time():.1f}] start {name}")
        await asyncio.sleep(1)
        print(f"[{loop.time():.1f}] end {name}")
async def main():
    loop = asyncio.get_running_loop()
    semaphore = asyncio.Semaphore(2)
    await asyncio.gather(*(download(n, semaphore, loop) for n in "abcde"))
    print("locked?", semaphore.locked())
asyncio.run(main())
