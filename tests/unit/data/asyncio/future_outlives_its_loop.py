# A future kept in a global outlives its asyncio.run: finishing it with a callback, or
# awaiting it from the next run, raises RuntimeError instead of touching the dead loop.
import asyncio
saved = None
async def first():
    global saved
    saved = asyncio.get_running_loop().create_future()
asyncio.run(first())
saved.add_done_callback(print)
try:
    saved.set_result(1)
except RuntimeError as error:
    print("RuntimeError:", error)
other = None
async def make():
    global other
    other = asyncio.get_running_loop().create_future()
asyncio.run(make())
async def second():
    try:
        await other
    except RuntimeError as error:
        print("RuntimeError:", str(error)[:12], "...", str(error)[-29:])
asyncio.run(second())
