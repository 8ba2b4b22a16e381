# HTTP requests suspend the whole module from every place a driver waits for them, as the
# blocking calls of blocking_everywhere.py do: _http.fetch_blocking from module code, a
# task, a coroutine awaited inline (wait_for without a timeout), a TaskGroup task, a
# shielded coroutine and a task cancelled as asyncio.run ends; an awaited _http.fetch from
# each of those coroutines. The Asyncify probe runs it with a fetch that answers at once;
# tests/wasm/http.test.mjs runs it against the local httpbin.
import asyncio

import _http

URL = "https://httpbin.org/get"


def fetch_blocking(where):
    status = _http.fetch_blocking("GET", URL, [], None, 10)[0]
    print(status, "fetch_blocking in", where)


async def fetch(where):
    fetch_blocking(where)
    status = (await _http.fetch("GET", URL, [], None))[0]
    print(status, "fetch in", where)
    return where


async def forever():
    try:
        await asyncio.sleep(3600)
    finally:
        fetch_blocking("a task cancelled when asyncio.run ends")


async def main():
    await fetch("the main task")
    print(await asyncio.wait_for(fetch("a coroutine under wait_for(None)"), None))
    print(await asyncio.wait_for(fetch("a coroutine under wait_for(10)"), 10))
    print(await asyncio.gather(fetch("gather 1"), fetch("gather 2")))
    async with asyncio.TaskGroup() as group:
        task = group.create_task(fetch("a TaskGroup task"))
    print(task.result())
    print(await asyncio.shield(fetch("a shielded coroutine")))
    asyncio.create_task(forever())
    await asyncio.sleep(0)


fetch_blocking("module code")
asyncio.run(main())
fetch_blocking("module code after asyncio.run")
