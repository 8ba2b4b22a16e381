# Checks generator bodies run interleaved with the consumer.
def producer():
    for item in "abc":
        print("producing", item)
        yield item
for item in producer():
    print("consuming", item)
