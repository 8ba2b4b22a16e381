# Checks the ValueError for asyncio.run() given a non-coroutine.
import asyncio
asyncio.run(5)
