# Checks asyncio.run returns the coroutine's return value.
import asyncio
async def compute():
    await asyncio.sleep(0.5)
    return 6 * 7
result = asyncio.run(compute())
print("result:", result)
