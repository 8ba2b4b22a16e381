# Checks zip_longest pads the shorter inputs with fillvalue.
from itertools import zip_longest
print(list(zip_longest("abc", [1])))
print(list(zip_longest([1, 2, 3], "xy", fillvalue="-")))
