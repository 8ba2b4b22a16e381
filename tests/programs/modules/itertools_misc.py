# Checks takewhile, dropwhile, starmap, pairwise, tee, compress and filterfalse.
from itertools import takewhile, dropwhile, starmap, pairwise, tee, compress, filterfalse
print(list(takewhile(lambda n: n < 3, [1, 2, 3, 1])), list(dropwhile(lambda n: n < 3, [1, 2, 3, 1])))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(pairwise("abcd")))
a, b = tee([1, 2, 3])
print(list(a), list(b), list(compress("abcd", [1, 0, 1, 0])), list(filterfalse(None, [0, 1, 2])))
