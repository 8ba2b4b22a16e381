# Checks Future.set_exception makes awaiting raise it.
import asyncio
async def main():
    future = asyncio.get_running_loop().create_future()
    future.set_exception(ValueError("failed future"))
    try:
        await future
    except ValueError as error:
        print("await raised", repr(error))
    print(repr(future.exception()))
asyncio.run(main())
