# Title: HTTP requests, aiohttp style (simulated)
# Waiting for a web server is the classic job for asyncio: while one request
# waits for its answer, the others go out. This example has the shape of an
# aiohttp client -- `async with session.get(url) as response` and
# `await response.text()` -- but FakeSession answers from a table after a
# delay instead of using the network, so it runs the same way everywhere.
import asyncio
import time

# url -> (seconds until the answer, status, body)
FAKE_SERVER = {
    "https://example.test/": (0.8, 200, "<h1>Hello</h1>"),
    "https://example.test/api/tea": (0.5, 200, '{"kinds": ["green", "black"]}'),
    "https://example.test/missing": (0.3, 404, "Not Found"),
}


class FakeResponse:
    def __init__(self, status, body):
        self.status = status
        self.body = body

    async def text(self):
        await asyncio.sleep(0)  # a real client may still be reading the body
        return self.body


class FakeRequest:
    """What session.get(url) returns: an async context manager."""

    def __init__(self, url):
        self.url = url

    async def __aenter__(self):
        seconds, status, body = FAKE_SERVER[self.url]
        await asyncio.sleep(seconds)  # the network round trip
        return FakeResponse(status, body)

    async def __aexit__(self, *exception):
        return False


class FakeSession:
    def get(self, url):
        return FakeRequest(url)


async def fetch(session, url):
    async with session.get(url) as response:
        body = await response.text()
        return f"{response.status} {url} ({len(body)} characters)"


async def main():
    session = FakeSession()
    started = time.perf_counter()
    # One after another: the waits add up.
    for url in FAKE_SERVER:
        print(await fetch(session, url))
    print(f"one by one: {time.perf_counter() - started:.1f}s")

    started = time.perf_counter()
    # All at once: the total is the slowest request.
    for line in await asyncio.gather(*(fetch(session, url) for url in FAKE_SERVER)):
        print(line)
    print(f"all at once: {time.perf_counter() - started:.1f}s")


asyncio.run(main())
