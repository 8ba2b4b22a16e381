# Checks add_done_callback runs callbacks after completion, in registration order, with the task.
import asyncio
async def job():
    await asyncio.sleep(0.2)
    return "value"
def report(label):
    def callback(task):
        print(label, "sees", task.result())
    return callback
async def main():
    task = asyncio.create_task(job())
    task.add_done_callback(report("first"))
    task.add_done_callback(report("second"))
    print("awaiting")
    await task
    print("after await")
    await asyncio.sleep(0)
    task.add_done_callback(report("late"))
    await asyncio.sleep(0)
asyncio.run(main())
