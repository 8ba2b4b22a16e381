# Title: CPU-bound work blocks the event loop
# A task runs until it awaits. A long computation that never awaits keeps
# every other task waiting, however urgent. Here a "spinner" task counts the
# turns the loop gives it while another task does arithmetic; breaking the
# work into chunks with `await asyncio.sleep(0)` between them gives the
# spinner a turn after each chunk.
import asyncio

turns = 0  # how often the spinner got to run


async def spinner():
    global turns
    while True:
        turns += 1
        await asyncio.sleep(0)  # let the others run, then come back


def add_up(start, stop):
    total = 0
    for number in range(start, stop):
        total += number * number
    return total


async def in_one_go():
    return add_up(0, 200_000)  # never awaits: the spinner is stuck


async def in_chunks():
    total = 0
    for start in range(0, 200_000, 20_000):
        total += add_up(start, start + 20_000)
        await asyncio.sleep(0)  # a turn for the others after each chunk
    return total


async def main():
    global turns
    spinning = asyncio.create_task(spinner())
    await asyncio.sleep(0)  # the spinner starts
    for work in (in_one_go, in_chunks):
        turns = 0
        total = await work()
        print(f"{work.__name__}: total {total}, the spinner ran {turns} times meanwhile")
    spinning.cancel()


asyncio.run(main())
