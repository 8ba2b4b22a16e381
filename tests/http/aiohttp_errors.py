# Every way an aiohttp request can go wrong, caught: a status raised for, JSON that is
# not JSON, a timeout, a refused connection and a URL that is no URL.
import asyncio

import aiohttp

BASE = "https://httpbin.org"


async def main():
    async with aiohttp.ClientSession() as session:
        for status in (404, 500):
            async with session.get(f"{BASE}/status/{status}") as response:
                try:
                    response.raise_for_status()
                except aiohttp.ClientResponseError as error:
                    print(type(error).__name__, error.status, error.message)
                    print(error)

        async with session.get(BASE + "/html") as response:
            try:
                await response.json()
            except aiohttp.ContentTypeError as error:
                print("ContentTypeError:", error)
            print("but the text reads:", (await response.text()).split()[0])

        try:
            async with session.get(BASE + "/delay/3", timeout=aiohttp.ClientTimeout(total=0.5)):
                print("not reached")
        except asyncio.TimeoutError as error:
            print("timed out:", type(error).__name__, repr(str(error)))

        try:
            await session.get("http://127.0.0.1:1/get")
        except aiohttp.ClientConnectorError as error:
            print("no connection:", error.host, error.port, isinstance(error, OSError))

        try:
            await session.get("not a url")
        except aiohttp.InvalidURL as error:
            print("invalid URL:", error, isinstance(error, ValueError))

    async with aiohttp.ClientSession(raise_for_status=True) as session:
        try:
            await session.get(BASE + "/status/403")
        except aiohttp.ClientResponseError as error:
            print("session raised:", error.status)


asyncio.run(main())
