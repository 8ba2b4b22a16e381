# Checks the TypeError for a plain for over an async generator.
async def ticks():
    yield 1
for tick in ticks():
    print(tick)
