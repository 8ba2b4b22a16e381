# Checks the TypeError for an __await__ that returns a non-iterator.
import asyncio
class Ticket:
    def __await__(self):
        return 42
async def main():
    await Ticket()
asyncio.run(main())
