# Title: Errors in gather: return_exceptions
# By default, the first exception in asyncio.gather() is raised at once in
# the task that awaits it (the other tasks keep running). With
# return_exceptions=True, gather waits for all of them and returns each
# exception in its place among the results, so you can handle them one by one.
import asyncio


async def check_price(shop, seconds, price):
    await asyncio.sleep(seconds)
    if price is None:
        raise LookupError(f"{shop} has no price")
    return price


def checks():
    return [
        check_price("north", 0.3, 4.5),
        check_price("south", 0.1, None),
        check_price("east", 0.2, 3.9),
    ]


async def main():
    try:
        await asyncio.gather(*checks())
    except LookupError as error:
        print("without return_exceptions:", error)
    await asyncio.sleep(0.5)  # let the other checks of that gather finish

    results = await asyncio.gather(*checks(), return_exceptions=True)
    for result in results:
        if isinstance(result, Exception):
            print(f"  failed: {type(result).__name__}: {result}")
        else:
            print(f"  price: {result}")
    prices = [result for result in results if not isinstance(result, Exception)]
    print("best price:", min(prices))


asyncio.run(main())
