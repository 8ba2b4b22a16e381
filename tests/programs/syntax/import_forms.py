# Checks import, import as, from-import and from-import as.
import math
import collections as col
from itertools import count, islice as take
from json import dumps as to_json
print(math.sqrt(16), col.Counter("aab")["a"])
print(list(take(count(5), 3)))
print(to_json([1, "a"]))
import sys
print("math" in sys.modules)
