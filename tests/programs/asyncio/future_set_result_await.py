# Checks a Future created by loop.create_future resolves awaiting coroutines when set_result is called.
import asyncio
async def waiter(future):
    print("waiting for the future")
    value = await future
    print("future gave", value)
async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    task = asyncio.create_task(waiter(future))
    await asyncio.sleep(0.5)
    print("done?", future.done())
    loop.call_later(0.5, future.set_result, "hello")
    await task
    print(future.done(), future.result(), round(loop.time(), 2))
asyncio.run(main())
