# Checks asyncio.new_event_loop with run_until_complete and loop.close.
import asyncio
async def job():
    await asyncio.sleep(0.2)
    return "from run_until_complete"
loop = asyncio.new_event_loop()
print(loop.run_until_complete(job()))
print(loop.is_closed())
loop.close()
print(loop.is_closed())
