# Title: TaskGroup: tasks that finish together
# `async with asyncio.TaskGroup() as group` waits for every task created in
# it. When one fails, the group cancels the others and raises all errors
# together as an ExceptionGroup, which `except*` takes apart by type.
import asyncio


async def cook(dish, seconds, burns=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{dish}: stopped half-way")
        raise
    if burns:
        raise RuntimeError(f"{dish} burned")
    print(f"{dish}: ready")
    return dish


async def main():
    async with asyncio.TaskGroup() as group:
        soup = group.create_task(cook("soup", 0.3))
        bread = group.create_task(cook("bread", 0.2))
    # Here every task of the group has finished.
    print("dinner:", soup.result(), "and", bread.result())

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(cook("pasta", 0.8))
            group.create_task(cook("toast", 0.2, burns=True))
            group.create_task(cook("salad", 0.1))
    except* RuntimeError as errors:
        for error in errors.exceptions:
            print("the group raised:", error)


asyncio.run(main())
