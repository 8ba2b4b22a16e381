# Checks yield from evaluates to the sub-generator's return value.
def averager():
    total = count = 0
    while True:
        value = yield
        if value is None:
            return total / count
        total += value
        count += 1
def delegate(results):
    result = yield from averager()
    results.append(result)
results = []
gen = delegate(results)
next(gen)
for v in (10, 20, 60):
    gen.send(v)
try:
    gen.send(None)
except StopIteration:
    pass
print(results)
