# 10,000 printed lines with a few awaits between them: what the output test holds the
# page's frames to while it draws (tests/web/output.test.mjs), and what
# bench/print_10000_browser.mjs profiles.
import asyncio


async def main():
    for number in range(10_000):
        print(f"line {number}: {'x' * (number % 60)}")
        if number % 500 == 0:
            await asyncio.sleep(0)

asyncio.run(main())
