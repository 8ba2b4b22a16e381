# Checks the aiter() and anext() builtins, anext with a default.
import asyncio
async def agen():
    yield "first"
    yield "second"
async def main():
    it = aiter(agen())
    print(await anext(it))
    print(await anext(it))
    print(await anext(it, "exhausted"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
asyncio.run(main())
