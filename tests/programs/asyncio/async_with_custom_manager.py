# Checks async with calls awaited __aenter__/__aexit__ and __aexit__ sees exceptions.
import asyncio
class Connection:
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("opened")
        return self
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print("closed", exc_type.__name__ if exc_type else None)
        return exc_type is KeyError
    async def query(self):
        return "rows"
async def main():
    async with Connection() as conn:
        print(await conn.query())
    async with Connection():
        raise KeyError("suppressed by __aexit__")
    print("continues after suppression")
asyncio.run(main())
