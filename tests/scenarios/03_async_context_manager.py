# Scenario 03: an async context manager.
# `async with` awaits __aenter__ before the block and __aexit__ after it, so
# opening and closing a connection can wait on I/O too.
import asyncio


class RecordStore:
    async def __aenter__(self):
        print("Opening the record store...")
        await asyncio.sleep(0.4)  # connecting
        print("Record store open.")
        return self

    async def __aexit__(self, exc_type, exc, traceback):
        print("Closing the record store...")
        await asyncio.sleep(0.15)  # flushing and disconnecting
        print("Record store closed.")

    async def find(self, query):
        print(f"Running query: {query}")
        await asyncio.sleep(0.25)  # the query itself
        return [{"title": "The Dispossessed", "year": 1974}]


async def main():
    async with RecordStore() as store:
        books = await store.find("author = 'Le Guin'")
        print(f"Found: {books}")
    print("Back outside the block.")


asyncio.run(main())
