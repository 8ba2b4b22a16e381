# Title: Rate limiting with a Semaphore
# A Semaphore(n) lets at most n tasks into `async with semaphore:` at a time;
# the others wait at the door. Use it to be polite to a server: start many
# tasks, but send only a few requests at once.
import asyncio
import time

STARTED = time.perf_counter()


def now():
    return f"{time.perf_counter() - STARTED:.1f}s"


async def fetch_page(number, limit):
    async with limit:  # waits here while 2 other pages are being fetched
        print(f"[{now()}] page {number}: fetching")
        await asyncio.sleep(0.5)
    return number


async def main():
    limit = asyncio.Semaphore(2)
    pages = await asyncio.gather(*(fetch_page(number, limit) for number in range(1, 6)))
    print(f"[{now()}] fetched pages {pages}, never more than 2 at once")


asyncio.run(main())
