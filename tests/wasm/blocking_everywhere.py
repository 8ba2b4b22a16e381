# Blocking calls suspend the whole module from every place a driver completes them: module
# code, a task, a coroutine awaited inline (wait_for without a timeout), a TaskGroup task,
# a shielded coroutine and a task cancelled as asyncio.run ends. In the wasm build each
# is an Asyncify suspension through a different stack (wasm/README.md: the Asyncify list);
# tests/wasm/real_time.test.mjs runs it on the real clock against CPython's output.
import asyncio
import time


def block(where):
    time.sleep(0.05)
    print("slept in", where)


async def sleeper(where):
    block(where)
    await asyncio.sleep(0.01)
    return where


async def forever():
    try:
        await asyncio.sleep(3600)
    finally:
        block("a task cancelled when asyncio.run ends")


async def main():
    block("the main task")
    print(await asyncio.wait_for(sleeper("a coroutine under wait_for(None)"), None))
    print(await asyncio.wait_for(sleeper("a coroutine under wait_for(1)"), 1))
    print(await asyncio.gather(sleeper("gather 1"), sleeper("gather 2")))
    async with asyncio.TaskGroup() as group:
        task = group.create_task(sleeper("a TaskGroup task"))
    print(task.result())
    print(await asyncio.shield(sleeper("a shielded coroutine")))
    asyncio.create_task(forever())
    await asyncio.sleep(0)


block("module code")
asyncio.run(main())
block("module code after asyncio.run")
