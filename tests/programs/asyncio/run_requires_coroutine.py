# Checks asyncio.run rejects a non-coroutine with ValueError.
import asyncio
async def f():
    return 1
try:
    asyncio.run(f)
except ValueError as error:
    print("ValueError:", str(error).split(", got")[0])
print(asyncio.run(f()))
