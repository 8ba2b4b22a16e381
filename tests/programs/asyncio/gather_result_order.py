# Checks gather returns results in argument order, not completion order.
import asyncio
async def job(name, seconds):
    await asyncio.sleep(seconds)
    print("finished", name)
    return name.upper()
async def main():
    results = await asyncio.gather(job("slow", 0.3), job("fast", 0.1), job("mid", 0.2))
    print(results)
    print(await asyncio.gather())
asyncio.run(main())
