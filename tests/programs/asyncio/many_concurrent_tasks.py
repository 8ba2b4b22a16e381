# Checks 1000 concurrent tasks sleeping different amounts finish in time order.
import asyncio
async def job(n, finished):
    await asyncio.sleep((n % 10) / 10)
    finished.append(n)
async def main():
    loop = asyncio.get_running_loop()
    finished = []
    await asyncio.gather(*(job(n, finished) for n in range(1000)))
    print(len(finished), finished[:5], finished[-3:], round(loop.time(), 2))
asyncio.run(main())
