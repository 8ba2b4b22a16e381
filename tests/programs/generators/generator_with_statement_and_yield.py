# Checks a generator suspended inside a with block runs __exit__ (with GeneratorExit) when closed.
class Tracker:
    def __enter__(self):
        print("enter")
    def __exit__(self, *args):
        print("exit", args[0].__name__ if args[0] else None)
def gen():
    with Tracker():
        yield 1
        yield 2
g = gen()
print(next(g))
g.close()
print(list(gen()))
