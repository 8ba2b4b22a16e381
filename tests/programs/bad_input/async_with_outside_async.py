# Checks the SyntaxError for async with in a plain function.
import asyncio
def f():
    async with asyncio.Lock():
        pass
