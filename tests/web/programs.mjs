// Python programs both browser suites run.

// Sleeps an hour of loop time and prints how long that was: instant under virtual time.
export const SLEEP_AN_HOUR = `import asyncio

async def main():
    loop = asyncio.get_running_loop()
    started = loop.time()
    await asyncio.sleep(3600)
    print("slept", round(loop.time() - started))

asyncio.run(main())
`;
