# Checks chained generators forming a lazy pipeline.
def numbers():
    for n in range(1, 11):
        yield n
def evens(source):
    for n in source:
        if n % 2 == 0:
            yield n
def squared(source):
    for n in source:
        yield n * n
print(list(squared(evens(numbers()))))
