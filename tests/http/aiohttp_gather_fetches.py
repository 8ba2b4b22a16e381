# Four requests at once with aiohttp: the slowest one (2 s) sets the total time, not the
# sum (4 s), and each result keeps its place in gather's list. (A first request warms the
# connection up, so the timing is the four's alone.)
import asyncio
import time

import aiohttp


async def fetch(session, url):
    try:
        async with session.get(url) as response:
            body = await response.text()
            return {"url": url, "status": response.status, "kind": response.content_type,
                    "lines": body.count("\n")}
    except aiohttp.ClientError as error:
        return {"url": url, "error": str(error)}


async def main():
    urls = [
        "https://httpbin.org/delay/2",
        "https://httpbin.org/delay/1",
        "https://httpbin.org/uuid",
        "https://httpbin.org/status/418",
    ]
    async with aiohttp.ClientSession() as session:
        await fetch(session, "https://httpbin.org/get")
        start = time.perf_counter()
        results = await asyncio.gather(*(fetch(session, url) for url in urls))
        elapsed = time.perf_counter() - start
    print(f"fetched {len(urls)} URLs in about {round(elapsed)} s")
    for result in results:
        print(result)


asyncio.run(main())
