# Title: Timeouts: asyncio.timeout and wait_for
# Never wait forever for something slow. `async with asyncio.timeout(s)`
# cancels the block when time is up and raises TimeoutError;
# asyncio.wait_for(awaitable, s) does the same for one awaitable.
import asyncio


async def ask_server(seconds):
    await asyncio.sleep(seconds)  # how long this server takes to answer
    return f"answer after {seconds}s"


async def main():
    loop = asyncio.get_running_loop()
    started = loop.time()

    async with asyncio.timeout(1):
        print(await ask_server(0.4))  # in time

    try:
        async with asyncio.timeout(1):
            print(await ask_server(3))  # too slow: cancelled after 1 s
    except TimeoutError:
        print(f"gave up at {loop.time() - started:.1f}s")

    try:
        print(await asyncio.wait_for(ask_server(2), timeout=0.5))
    except TimeoutError:
        print(f"wait_for gave up at {loop.time() - started:.1f}s")

    # A fallback instead of an error:
    try:
        answer = await asyncio.wait_for(ask_server(5), timeout=0.5)
    except TimeoutError:
        answer = "the cached answer"
    print(answer)


asyncio.run(main())
