# Title: requests blocks, aiohttp waits (real network)
# The same three requests twice. requests.get() blocks: the program (and every
# task, inside async code) stands still until each answer is back, so they take
# about 1 s each, one after another. With aiohttp the three wait at the same
# time and take about 1 s together. The Timeline shows the difference: one long
# running bar, then three waits side by side.
# In the playground both go out through the browser's fetch.
import asyncio
import time

import aiohttp
import requests

URLS = [f"https://httpbin.org/delay/1?request={n}" for n in range(3)]


def fetch_with_requests():
    return [requests.get(url).status_code for url in URLS]


async def fetch_with_aiohttp():
    async def fetch(session, url):
        async with session.get(url) as response:
            return response.status

    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, url) for url in URLS))


started = time.perf_counter()
print("requests:", fetch_with_requests())
blocking = time.perf_counter() - started

started = time.perf_counter()
print("aiohttp: ", asyncio.run(fetch_with_aiohttp()))
waiting = time.perf_counter() - started

print("requests took 3 s or more:", blocking >= 3)
print("aiohttp took under 2 s:", waiting < 2)
