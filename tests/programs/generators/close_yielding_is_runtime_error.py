# Checks a generator that yields after GeneratorExit makes close() raise RuntimeError.
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refusing"
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as error:
    print("RuntimeError:", error)
