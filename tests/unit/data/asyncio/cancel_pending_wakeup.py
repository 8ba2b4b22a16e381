# cancel() after the awaited future finished but before the task resumed: the task gets
# CancelledError instead of the result (asyncio's _must_cancel).
import asyncio


async def waiter(future):
    try:
        value = await future
        print("got", value)
    except asyncio.CancelledError:
        print("cancelled instead of the result; future done:", future.done())
    return "finished"


async def main():
    future = asyncio.get_running_loop().create_future()
    task = asyncio.create_task(waiter(future))
    await asyncio.sleep(0)
    future.set_result(42)
    task.cancel()
    print(await task)


asyncio.run(main())
