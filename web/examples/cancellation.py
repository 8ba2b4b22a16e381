# Title: Cancelling a task
# task.cancel() asks a task to stop: the next time it is waiting, its await
# raises asyncio.CancelledError inside it. The task can clean up (finally,
# or except + raise), and whoever awaits it then gets CancelledError too.
import asyncio


async def download(name, seconds):
    print(f"{name}: started")
    try:
        await asyncio.sleep(seconds)
        print(f"{name}: done")
        return name
    except asyncio.CancelledError:
        print(f"{name}: cancelled, removing the half-written file")
        raise  # let the cancellation go on; swallowing it confuses callers
    finally:
        print(f"{name}: closing the connection")


async def main():
    big = asyncio.create_task(download("big.iso", 10))
    small = asyncio.create_task(download("small.txt", 0.5))
    print("small result:", await small)

    big.cancel()  # we do not want to wait 10 s after all
    try:
        await big
    except asyncio.CancelledError:
        print("big.iso cancelled:", big.cancelled())


asyncio.run(main())
