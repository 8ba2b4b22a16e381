# Checks iscoroutine and iscoroutinefunction on coroutine functions, coroutines, and plain callables.
import asyncio
async def coro_function():
    return 1
def plain():
    return 1
coro = coro_function()
print(asyncio.iscoroutinefunction(coro_function), asyncio.iscoroutinefunction(plain))
print(asyncio.iscoroutine(coro), asyncio.iscoroutine(plain()), asyncio.iscoroutine(coro_function))
print(asyncio.run(coro))
