# Checks islice with start/stop/step and chain / chain.from_iterable.
from itertools import islice, chain
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 6, 2)), list(islice(range(10), 7, None)))
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1], [2, 3], []])))
