class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield "suspend"
        return self.value


async def add(a, b):
    x = await Ready(a)
    return x + b


async def main():
    total = 0
    for i in range(3):
        total += await add(i, 10)
    return total


coroutine = main()
steps = 0
while True:
    try:
        signal = coroutine.send(None)
        steps += 1
    except StopIteration as stop:
        print("result", stop.value, "steps", steps)
        break
try:
    coroutine.send(None)
except RuntimeError as error:
    print(error)


async def ticker(n):
    for i in range(n):
        await Ready(i)
        yield i * 2


async def consume():
    return [x async for x in ticker(3)]


coroutine = consume()
try:
    while True:
        coroutine.send(None)
except StopIteration as stop:
    print(stop.value)
