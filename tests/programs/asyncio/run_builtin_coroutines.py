# Regression: asyncio.run(asyncio.sleep(...)) raised "a coroutine was expected": the
# module's own coroutines (sleep, wait_for, ...) were not accepted as a run's main.
import asyncio

print(asyncio.run(asyncio.sleep(3600, result="an hour later")))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(asyncio.sleep(1, result="a second later")))
loop.close()
