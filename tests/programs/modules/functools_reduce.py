# Checks functools.reduce with and without an initial value, and on an empty sequence.
from functools import reduce
import operator
print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda acc, x: acc * x, range(1, 6), 1))
print(reduce(lambda acc, ch: ch + acc, "abc", ""), reduce(max, [3, 9, 2]))
try:
    reduce(operator.add, [])
except TypeError as error:
    print("TypeError:", error)
