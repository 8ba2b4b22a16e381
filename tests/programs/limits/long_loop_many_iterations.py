# Checks a loop of one million iterations completes with the right total.
total = 0
for i in range(1_000_000):
    total += i & 7
print(total)
