# asyncio: 10k concurrent sleeps with distinct short delays (up to 10 ms), gathered.
import asyncio
import time


async def main():
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.sleep((i * 7919 % 10000) / 1e6) for i in range(10000)))
    return time.perf_counter() - start


elapsed = asyncio.run(main())
print("elapsed", elapsed)
