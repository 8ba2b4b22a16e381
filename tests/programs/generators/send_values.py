# Checks send() passes a value in as the result of the yield expression.
def accumulator():
    total = 0
    while True:
        received = yield total
        print("received", received)
        total += received
acc = accumulator()
print(next(acc))
print(acc.send(5))
print(acc.send(10))
