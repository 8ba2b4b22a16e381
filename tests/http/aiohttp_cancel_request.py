# Cancelling a task cancels its request: nobody waits the five seconds the server would
# take. wait_for's timeout does the same.
import asyncio
import time

import aiohttp


async def slow(session):
    async with session.get("https://httpbin.org/delay/5") as response:
        return response.status


async def main():
    async with aiohttp.ClientSession() as session:
        start = time.perf_counter()
        task = asyncio.create_task(slow(session))
        await asyncio.sleep(0.2)
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            print("cancelled; waited under a second:", time.perf_counter() - start < 1)

        start = time.perf_counter()
        try:
            await asyncio.wait_for(slow(session), timeout=0.3)
        except asyncio.TimeoutError:
            print("wait_for gave up; waited under a second:", time.perf_counter() - start < 1)

        async with session.get("https://httpbin.org/get") as response:
            print("the session still works:", response.status)


asyncio.run(main())
