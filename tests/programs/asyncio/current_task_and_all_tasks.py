# Checks current_task inside tasks and all_tasks counting pending tasks.
import asyncio
async def child():
    print("child is", asyncio.current_task().get_name())
    await asyncio.sleep(1)
async def main():
    print("main is", asyncio.current_task().get_name())
    tasks = [asyncio.create_task(child(), name=f"child-{i}") for i in range(2)]
    await asyncio.sleep(0)
    print(len(asyncio.all_tasks()), sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*tasks)
    print(len(asyncio.all_tasks()))
asyncio.run(main())
print(asyncio.current_task.__name__)
