# Scenario 05 (simulated variant): fetch several URLs concurrently.
# The code has the shape of an aiohttp client — `async with session.get(url)`
# and `await response.text()` — but SimulatedSession answers from a table
# after a fixed delay instead of using the network, so it runs anywhere and
# takes the same (virtual) time on every run. The real-HTTP version of this
# scenario comes with HTTP support.
import asyncio
import time

# url -> (seconds until the answer, HTTP status or None when the connection
# fails, body text or the connection error's message)
SIMULATED_SERVER = {
    "https://example.test/slow/1": (1.0, 200, "a" * 310),
    "https://example.test/slow/2": (2.0, 200, "b" * 325),
    "https://example.test/data.json": (0.25, 200, '{"items": [1, 2, 3]}'),
    "https://example.test/missing": (0.5, 404, "Not Found"),
    "https://unreachable.test/": (1.5, None, "Cannot connect to host unreachable.test:443"),
}


class SimulatedResponse:
    def __init__(self, status, body):
        self.status = status
        self._body = body

    async def text(self):
        await asyncio.sleep(0)  # the body is already buffered: one loop turn
        return self._body


class SimulatedRequest:
    """What session.get(url) returns: an async context manager."""

    def __init__(self, url):
        self.url = url

    async def __aenter__(self):
        seconds, status, body = SIMULATED_SERVER[self.url]
        await asyncio.sleep(seconds)
        if status is None:
            raise ConnectionError(body)
        return SimulatedResponse(status, body)

    async def __aexit__(self, exc_type, exc, traceback):
        return None  # nothing to release


class SimulatedSession:
    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, traceback):
        return None

    def get(self, url):
        return SimulatedRequest(url)


async def fetch(session, url):
    """Fetches one URL; a failure becomes part of the result, not an exception."""
    try:
        async with session.get(url) as response:
            return {"url": url, "status": response.status, "length": len(await response.text())}
    except ConnectionError as error:
        return {"url": url, "error": str(error)}


async def fetch_all():
    urls = list(SIMULATED_SERVER)
    async with SimulatedSession() as session:
        started = time.perf_counter()
        results = await asyncio.gather(*[fetch(session, url) for url in urls])
        elapsed = time.perf_counter() - started
    print(f"Fetched {len(urls)} URLs in {elapsed:.1f} seconds")
    for result in results:
        if "error" in result:
            print(f"{result['url']}: failed ({result['error']})")
        else:
            print(f"{result['url']}: {result['status']} ({result['length']} chars)")


asyncio.run(fetch_all())
