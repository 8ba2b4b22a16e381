# An uncaught ClientResponseError ends the program with aiohttp's message.
import asyncio

import aiohttp


async def main():
    async with aiohttp.ClientSession() as session:
        async with session.get("https://httpbin.org/status/500") as response:
            print("status", response.status)
            response.raise_for_status()


asyncio.run(main())
