# Scenario 07: errors in concurrent tasks.
# With return_exceptions=True, gather hands back each task's exception in its
# slot instead of raising, so one failure does not hide the other results.
# Without it, the first exception propagates at once; the other tasks keep
# running until asyncio.run() cancels them when main() returns.
import asyncio


async def read_sensor(name, seconds, broken=False):
    await asyncio.sleep(seconds)
    if broken:
        raise ValueError(f"sensor {name!r} did not answer")
    print(f"  {name} answered")
    return f"{name} reads {len(name) * 3}"


async def main():
    print("With return_exceptions=True:")
    results = await asyncio.gather(
        read_sensor("thermometer", 0.3),
        read_sensor("hygrometer", 0.1, broken=True),
        read_sensor("barometer", 0.2),
        return_exceptions=True,
    )
    for index, result in enumerate(results):
        if isinstance(result, Exception):
            print(f"Sensor {index} failed: {type(result).__name__}: {result}")
        else:
            print(f"Sensor {index} succeeded: {result}")

    print("Without it:")
    try:
        await asyncio.gather(
            read_sensor("thermometer", 0.3),
            read_sensor("hygrometer", 0.1, broken=True),
            read_sensor("barometer", 0.2),
        )
    except ValueError as error:
        print(f"gather raised ValueError: {error}")


asyncio.run(main())
