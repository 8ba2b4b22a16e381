# Scenario 08: blocking calls against awaited ones.
# time.sleep(1) stands in for requests.get(url): it blocks the whole program,
# so three calls take three seconds. asyncio.sleep(1) stands in for an aiohttp
# request: the three waits overlap and take one second. A blocking call inside
# a coroutine still blocks everything: gathering it does not help.
import asyncio
import time

URLS = ["https://example.test/report/1",
        "https://example.test/report/2",
        "https://example.test/report/3"]


def fetch_blocking(url):
    time.sleep(1)  # the whole program waits here
    return f"{url[-1]}: ok"


async def fetch_async(url):
    await asyncio.sleep(1)  # other tasks run while this one waits
    return f"{url[-1]}: ok"


async def fetch_blocking_in_coroutine(url):
    return fetch_blocking(url)  # an async def that never awaits anything


async def main_async():
    started = time.perf_counter()
    results = await asyncio.gather(*[fetch_async(url) for url in URLS])
    return results, time.perf_counter() - started


async def main_blocking_gathered():
    started = time.perf_counter()
    await asyncio.gather(*[fetch_blocking_in_coroutine(url) for url in URLS])
    return time.perf_counter() - started


def compare():
    started = time.perf_counter()
    sync_results = [fetch_blocking(url) for url in URLS]
    sync_time = time.perf_counter() - started

    async_results, async_time = asyncio.run(main_async())
    gathered_blocking_time = asyncio.run(main_blocking_gathered())

    print(f"Sync results:  {sync_results}")
    print(f"Async results: {async_results}")
    print(f"Sync time: {sync_time:.1f}s")
    print(f"Async time: {async_time:.1f}s")
    print(f"Speedup: {sync_time / async_time:.1f}x")
    print(f"Blocking calls inside gather: {gathered_blocking_time:.1f}s")


compare()
