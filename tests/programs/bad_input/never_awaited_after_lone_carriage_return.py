# Checks the "never awaited" warning's source line after a lone carriage return, which
# ends a line as a newline does.
import asyncioasync def work():
    pass
async def main():
    work()
    print("main done")
asyncio.run(main())
