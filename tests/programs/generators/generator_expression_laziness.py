# Checks a generator expression evaluates its first iterable at once and the rest lazily.
def source():
    print("source called")
    return [1, 2]
gen = (print("computing", x) or x for x in source())
print("created")
print(next(gen))
