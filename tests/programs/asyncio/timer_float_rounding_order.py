# Checks deadlines that differ only by float rounding still fire in deadline order.
import asyncio
async def tick(label, delays):
    for d in delays:
        await asyncio.sleep(d)
    print(label)
async def main():
    await asyncio.gather(tick("1.1+0.3", [1.1, 0.3]), tick("0.7+0.7", [0.7, 0.7]), tick("1.4", [1.4]))
asyncio.run(main())
