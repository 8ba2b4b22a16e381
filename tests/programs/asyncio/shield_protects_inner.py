# Checks shield: cancelling the outer await does not cancel the shielded task.
import asyncio
async def important():
    await asyncio.sleep(1)
    print("important work finished")
    return "saved"
async def main():
    inner = asyncio.create_task(important())
    try:
        await asyncio.wait_for(asyncio.shield(inner), timeout=0.2)
    except asyncio.TimeoutError:
        print("outer timed out; inner cancelled?", inner.cancelled())
    print(await inner)
asyncio.run(main())
