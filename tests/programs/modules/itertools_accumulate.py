# Checks accumulate with the default sum, a function, and an initial value.
from itertools import accumulate
import operator
print(list(accumulate([1, 2, 3, 4])))
print(list(accumulate([3, 1, 4, 1, 5], max)))
print(list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([1, 2], initial=100)))
