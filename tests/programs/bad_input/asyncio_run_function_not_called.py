# Checks the ValueError for asyncio.run(main) without calling main.
import asyncio
async def main():
    print("never printed")
try:
    asyncio.run(main)
except ValueError as error:
    print(str(error).split(" at 0x")[0])
