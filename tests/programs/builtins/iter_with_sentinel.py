# Checks iter(callable, sentinel) calls until the sentinel value is returned.
values = iter([5, 3, 0, 7])
def read():
    value = next(values)
    print("read", value)
    return value
for value in iter(read, 0):
    print("got", value)
try:
    iter(5)
except TypeError as error:
    print("TypeError:", error)
