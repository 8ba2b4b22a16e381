# The same three slow requests, first with requests (one after another: about 3 s) and
# then with aiohttp (at the same time: about 1 s). A first request warms the server and
# the client up, so the timings are the three's alone.
import asyncio
import time

import aiohttp
import requests

URLS = ["https://httpbin.org/delay/1"] * 3


def fetch_one_by_one():
    return [requests.get(url).json()["url"] for url in URLS]


async def fetch_together():
    async def fetch(session, url):
        async with session.get(url) as response:
            return (await response.json())["url"]

    async with aiohttp.ClientSession() as session:
        return await asyncio.gather(*(fetch(session, url) for url in URLS))


requests.get("https://httpbin.org/get")
start = time.perf_counter()
blocking = fetch_one_by_one()
blocking_time = time.perf_counter() - start

start = time.perf_counter()
concurrent = asyncio.run(fetch_together())
concurrent_time = time.perf_counter() - start

print("same answers:", blocking == concurrent, blocking[0])
print(f"requests: about {round(blocking_time)} s")
print(f"aiohttp:  about {round(concurrent_time)} s")
print("aiohttp at least twice as fast:", blocking_time > 2 * concurrent_time)
