# Checks asend and athrow on an async generator.
import asyncio
async def echo():
    received = None
    while True:
        try:
            received = yield f"echo {received}"
        except ValueError as error:
            received = f"handled {error}"
async def main():
    agen = echo()
    print(await agen.asend(None))
    print(await agen.asend("hi"))
    print(await agen.athrow(ValueError("oops")))
    await agen.aclose()
asyncio.run(main())
