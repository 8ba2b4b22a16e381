# Checks Future.add_done_callback is scheduled via call_soon after the result is set.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()
    future.add_done_callback(lambda f: print("callback got", f.result()))
    future.set_result(7)
    print("result set")
    await asyncio.sleep(0)
    print("after yield")
asyncio.run(main())
