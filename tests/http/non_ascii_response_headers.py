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
            # Names by lower case: fetch lowercases them (docs/language.md).
            raw = {name.lower(): value for name, value in response.raw_headers}
            print("  raw:", raw[b"x-greeting"], raw[b"x-plain"])


asyncio.run(main())
response = requests.get(URL)
print("requests:", ascii(response.headers["X-Greeting"]), response.headers["X-Plain"])
