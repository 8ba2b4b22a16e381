# Checks close() raises GeneratorExit inside the generator so finally blocks run.
def resource():
    try:
        print("acquire")
        yield 1
        yield 2
    finally:
        print("release")
g = resource()
print(next(g))
g.close()
print("closed")
try:
    next(g)
except StopIteration:
    print("exhausted after close")
