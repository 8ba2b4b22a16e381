# Checks time.sleep inside a coroutine blocks every task (heartbeat stalls), unlike asyncio.sleep.
import asyncio
import time
async def heartbeat(loop, start):
    for _ in range(4):
        print(f"beat at {loop.time() - start:.1f}")
        await asyncio.sleep(0.5)
async def blocker():
    await asyncio.sleep(0.1)
    print("blocking for 1.5 s")
    time.sleep(1.5)
    print("unblocked")
async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(heartbeat(loop, start), blocker())
    print(f"total {loop.time() - start:.1f}")
asyncio.run(main())
