# requests.get inside a coroutine blocks the event loop: the ticker task cannot tick
# while the request is in flight.
import asyncio

import requests


async def ticker():
    for tick in range(3):
        print("tick", tick)
        await asyncio.sleep(0.2)


async def main():
    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    response = requests.get("https://httpbin.org/delay/1")
    print("request done:", response.status_code)
    await task


asyncio.run(main())
