# Scenario 02: gather runs three sleeping jobs at the same time.
# The whole batch takes as long as the slowest job (3 s), not the sum (6 s),
# and the results come back in argument order, not finishing order.
import asyncio
import time


async def job(label, seconds):
    print(f"Job {label} started")
    await asyncio.sleep(seconds)
    print(f"Job {label} finished after {seconds}s")
    return f"{label} is done"


async def main():
    started = time.perf_counter()
    outcomes = await asyncio.gather(
        job("red", 2),
        job("green", 1),
        job("blue", 3),
    )
    elapsed = time.perf_counter() - started
    print(f"All jobs finished in {elapsed:.1f} seconds")
    print(f"Outcomes: {outcomes}")


asyncio.run(main())
