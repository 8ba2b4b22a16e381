# Checks a long chain of generator expressions over 10,000 items.
data = range(10_000)
for _ in range(20):
    data = (x + 1 for x in data)
print(sum(data))
