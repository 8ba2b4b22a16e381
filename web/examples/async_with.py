# Title: Async context managers: async with
# `async with` is `with` for resources whose setup or cleanup must wait, such
# as opening a network connection. Python awaits __aenter__ on the way in and
# __aexit__ on the way out -- even when the block raises.
import asyncio


class Connection:
    def __init__(self, host):
        self.host = host

    async def __aenter__(self):
        print(f"connecting to {self.host}...")
        await asyncio.sleep(0.2)  # the handshake takes time
        print("connected")
        return self  # this is what `as connection` receives

    async def __aexit__(self, exc_type, exc, traceback):
        print("closing the connection")
        await asyncio.sleep(0.1)
        print(f"closed (the block raised: {exc_type.__name__ if exc_type else 'nothing'})")
        return False  # False: an exception from the block goes on up

    async def query(self, text):
        await asyncio.sleep(0.3)
        if "DROP" in text:
            raise PermissionError(f"refused: {text}")
        return f"3 rows for {text!r}"


async def main():
    async with Connection("db.example") as connection:
        print(await connection.query("SELECT tea"))

    try:
        async with Connection("db.example") as connection:
            await connection.query("DROP TABLE tea")
    except PermissionError as error:
        print("caught:", error)


asyncio.run(main())
