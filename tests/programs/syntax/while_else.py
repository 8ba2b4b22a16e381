# Checks while/else: else runs when the condition becomes false, not after break.
n = 0
while n < 3:
    n += 1
else:
    print("loop finished, n =", n)
n = 0
while True:
    n += 1
    if n == 2:
        break
else:
    print("not printed")
print("broke at", n)
