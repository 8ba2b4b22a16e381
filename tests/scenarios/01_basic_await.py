# Scenario 01: one coroutine awaited by another.
# `await` suspends main() until load_profile() has slept and returned its dict.
import asyncio


async def load_profile():
    """A coroutine function: calling it makes a coroutine, awaiting it runs it."""
    print("Loading the profile...")
    await asyncio.sleep(1)  # stands in for a network round trip
    print("Profile loaded.")
    return {"user_id": 42, "nickname": "ada", "admin": False}


async def main():
    profile = await load_profile()
    print(f"Got: {profile}")


asyncio.run(main())
