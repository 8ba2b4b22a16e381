# Checks as_completed(timeout=) raises TimeoutError for results not ready in time.
import asyncio
async def job(seconds):
    await asyncio.sleep(seconds)
    return seconds
async def main():
    try:
        for next_done in asyncio.as_completed([job(0.1), job(5)], timeout=1):
            print("got", await next_done)
    except asyncio.TimeoutError:
        print("TimeoutError from as_completed")
asyncio.run(main())
