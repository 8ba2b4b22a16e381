# A task cancelled while it awaits a plain Future: the future is cancelled with the
# message, CancelledError surfaces at the await, and the awaiting caller sees it too.
import asyncio


async def waiter(future):
    try:
        await future
    except asyncio.CancelledError as error:
        print("cancelled at await:", future.cancelled(), error.args)
        raise


async def main():
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(waiter(future))
    await asyncio.sleep(0)
    print("cancel:", task.cancel("stop"))
    try:
        await task
    except asyncio.CancelledError as error:
        print("main saw:", task.cancelled(), error.args)
    print("cancel again:", task.cancel())


asyncio.run(main())
