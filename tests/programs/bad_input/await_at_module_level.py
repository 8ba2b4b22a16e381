# Checks the SyntaxError for await outside any function.
import asyncio
await asyncio.sleep(0)
