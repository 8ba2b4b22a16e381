// Python programs both browser suites run (and the Node tests, where they say so).

// Imports json (awaitpad.lib/json.py) and calls functions no program of the split's profile
// calls (awaitpad.deferred.wasm: wasm/README.md, "Loaded on demand").
export const NEEDS_DEFERRED_CODE = `import json
print(json.dumps({"b": [1, 2.5, None], "a": "\\u00e9"}, indent=2, sort_keys=True))
print(divmod(-7, 2), f"{12345.678:,.2f}", bytes(range(3)).hex(":"), "x".center(7, "*"))
`;

// Sleeps an hour of loop time and prints how long that was: instant under virtual time.
export const SLEEP_AN_HOUR = `import asyncio

async def main():
    loop = asyncio.get_running_loop()
    started = loop.time()
    await asyncio.sleep(3600)
    print("slept", round(loop.time() - started))

asyncio.run(main())
`;
