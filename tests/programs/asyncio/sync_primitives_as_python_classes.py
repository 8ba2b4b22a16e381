# asyncio's Lock, Event, Semaphore, Condition and Queue are Python classes in CPython:
# their instances take attributes, and a subclass's __init__ may take its own arguments.
import asyncio


class NamedLock(asyncio.Lock):
    def __init__(self, name):
        super().__init__()
        self.name = name


class Tally(asyncio.Queue):
    def __init__(self, label, maxsize):
        super().__init__(maxsize)
        self.label = label


class Gate(asyncio.Event):
    def __init__(self, *, opened_by):
        self.opened_by = opened_by
        super().__init__()


class Pool(asyncio.BoundedSemaphore):
    def __init__(self, size, owner):
        super().__init__(size)
        self.owner = owner


async def main():
    lock = asyncio.Lock()
    lock.name = "plain lock"
    print(lock.name, lock.locked(), "name" in vars(lock))

    named = NamedLock("fork")
    async with named:
        print(named.name, named.locked())
    print(named.locked())

    tally = Tally("scores", 2)
    tally.put_nowait(1)
    tally.put_nowait(2)
    print(tally.label, tally.maxsize, tally.full())
    try:
        tally.put_nowait(3)
    except asyncio.QueueFull:
        print("full at", tally.qsize())

    gate = Gate(opened_by="guard")
    asyncio.get_running_loop().call_later(0.1, gate.set)
    await gate.wait()
    print("gate opened by", gate.opened_by, gate.is_set())

    pool = Pool(2, owner="db")
    async with pool:
        print(pool.owner, pool.locked())
    try:
        pool.release()
    except ValueError as error:
        print("ValueError:", error)

    condition = asyncio.Condition()
    condition.purpose = "wake-ups"
    semaphore = asyncio.Semaphore(3)
    semaphore.label = "three"
    event = asyncio.Event()
    event.note = "unset"
    print(condition.purpose, semaphore.label, event.note)

    for make in (lambda: asyncio.Lock(1), lambda: asyncio.Semaphore(-1), lambda: NamedLock()):
        try:
            make()
        except (TypeError, ValueError) as error:
            print(type(error).__name__)


asyncio.run(main())
