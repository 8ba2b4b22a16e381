# Title: HTTP requests with aiohttp (real network)
# Three real requests go out at once to https://httpbin.org, a service that
# answers after the delay you ask for. While one waits for its answer the others
# are in flight too, so together they take as long as the slowest, not the sum.
# In the playground they go out through the browser's fetch: a server must allow
# requests from other sites (CORS), as httpbin.org does. Even in virtual time a
# request takes its real time.
import asyncio
import time

import aiohttp


async def fetch(session, path):
    async with session.get("https://httpbin.org" + path) as response:
        answer = await response.json()
        print(f"{path} answered {response.status}, args: {answer['args']}")
        return response.status


async def main():
    async with aiohttp.ClientSession() as session:
        started = time.perf_counter()
        statuses = await asyncio.gather(
            fetch(session, "/delay/2"),
            fetch(session, "/delay/1"),
            fetch(session, "/get?tea=green"),
        )
        elapsed = time.perf_counter() - started
    print("statuses, in the order asked:", statuses)
    print("quicker than the sum of the delays (3 s):", elapsed < 3)


asyncio.run(main())
