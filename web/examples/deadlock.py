# Title: A deadlock: every task waits, nothing can wake them
# Two cooks share two tools. Each takes one tool, then waits for the other
# one -- which the other cook holds and will never let go. No task can go on
# and no timer is left. CPython would hang here forever; awaitpad ends the
# program and reports which task waits at which line. The fix: take the
# locks in the same order everywhere.
import asyncio


class Tool:
    def __init__(self, name):
        self.name = name
        self.lock = asyncio.Lock()  # one cook at a time


async def cook(name, first, second):
    async with first.lock:
        print(f"{name} took the {first.name}")
        await asyncio.sleep(0.1)  # the other cook takes their first tool now
        print(f"{name} waits for the {second.name}")
        async with second.lock:
            print(f"{name} cooked")  # never printed


async def main():
    knife, pan = Tool("knife"), Tool("pan")
    await asyncio.gather(
        cook("Kim", knife, pan),
        cook("Lee", pan, knife),  # the other order: the cause of the deadlock
    )


asyncio.run(main())
