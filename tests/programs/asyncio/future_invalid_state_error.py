# Checks setting a result twice raises InvalidStateError, and result() of a pending future too.
import asyncio
async def main():
    future = asyncio.get_running_loop().create_future()
    try:
        future.result()
    except asyncio.InvalidStateError as error:
        print("InvalidStateError:", error)
    future.set_result(1)
    try:
        future.set_result(2)
    except asyncio.InvalidStateError as error:
        print("InvalidStateError:", error)
    print(future.result())
    cancelled = asyncio.get_running_loop().create_future()
    cancelled.cancel()
    try:
        cancelled.result()
    except asyncio.CancelledError:
        print("result() of a cancelled future raises CancelledError")
asyncio.run(main())
