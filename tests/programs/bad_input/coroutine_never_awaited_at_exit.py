# Checks a coroutine still unawaited when the program ends warns at exit, with no line.
import asyncio
async def fetch():
    return 1
pending = fetch()
print("created", type(pending).__name__)
