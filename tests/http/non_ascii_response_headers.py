# A response header with non-ASCII text, as aiohttp and requests read it: aiohttp keeps
# the header's bytes in raw_headers and decodes them as UTF-8 with 'surrogateescape';
# requests (http.client) decodes them as Latin-1.
import asyncio

import aiohttp
import requests

URL = "https://httpbin.org/response-headers?X-Greeting=h%C3%A9llo&X-Plain=ok"


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get(URL) as response:
            print("aiohttp:", ascii(response.headers["X-Greeting"]), response.headers["X-Plain"])
            raw = dict(response.raw_headers)
            print("  raw:", raw[b"X-Greeting"], raw[b"X-Plain"])


asyncio.run(main())
response = requests.get(URL)
print("requests:", ascii(response.headers["X-Greeting"]), response.headers["X-Plain"])
