# Checks a generator function produces values lazily, one per next().
def count_up(limit):
    print("starting")
    n = 0
    while n < limit:
        yield n
        n += 1
    print("finished")
gen = count_up(3)
print(type(gen).__name__)
print(next(gen))
print(next(gen))
print(list(gen))
