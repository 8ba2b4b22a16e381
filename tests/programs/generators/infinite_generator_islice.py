# Checks infinite generators consumed with itertools.islice and a manual break.
from itertools import islice
def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print(list(islice(fibonacci(), 12)))
print(list(islice(fibonacci(), 10, 15)))
for n in fibonacci():
    if n > 100:
        print("first above 100:", n)
        break
