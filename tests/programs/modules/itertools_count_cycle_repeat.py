# Checks the infinite iterators count, cycle and repeat (bounded with islice / times).
from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10, 5), 3)), list(islice(count(0.5, 0.25), 3)))
print(list(islice(cycle("abc"), 7)))
print(list(repeat("x", 3)), list(map(pow, range(4), repeat(2))))
