# Checks Condition wait/notify/notify_all and wait_for with a predicate.
import asyncio
async def consumer(name, condition, items):
    async with condition:
        await condition.wait_for(lambda: items)
        print(name, "took", items.pop(0))
async def main():
    condition = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(f"c{i}", condition, items)) for i in range(3)]
    await asyncio.sleep(0.1)
    async with condition:
        items.append("x")
        condition.notify(1)
    await asyncio.sleep(0.1)
    async with condition:
        items.extend(["y", "z"])
        condition.notify_all()
    await asyncio.gather(*tasks)
    try:
        condition.notify()
    except RuntimeError as error:
        print("RuntimeError:", error)
asyncio.run(main())
