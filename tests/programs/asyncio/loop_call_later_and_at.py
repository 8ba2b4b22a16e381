# Checks call_later and call_at fire at their deadlines in time order.
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    def fire(label):
        print(label, "at", round(loop.time() - start, 2))
    loop.call_later(0.3, fire, "later 0.3")
    loop.call_later(0.1, fire, "later 0.1")
    loop.call_at(start + 0.2, fire, "at 0.2")
    cancelled = loop.call_later(0.15, fire, "never")
    cancelled.cancel()
    await asyncio.sleep(0.5)
    print("when:", round(loop.call_at(start + 1, fire, "x").when() - start, 2))
asyncio.run(main())
