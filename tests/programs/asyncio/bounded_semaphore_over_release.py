# Checks BoundedSemaphore raises ValueError when released more than acquired; Semaphore does not.
import asyncio
async def main():
    bounded = asyncio.BoundedSemaphore(1)
    await bounded.acquire()
    bounded.release()
    try:
        bounded.release()
    except ValueError as error:
        print("ValueError:", error)
    plain = asyncio.Semaphore(1)
    plain.release()
    print("plain semaphore allows it; locked:", plain.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as error:
        print("ValueError:", error)
asyncio.run(main())
