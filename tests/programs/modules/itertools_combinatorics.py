# Checks product, permutations and combinations (with and without r, repeat).
from itertools import product, permutations, combinations, combinations_with_replacement
print(list(product("ab", [1, 2])))
print(len(list(product(range(3), repeat=3))))
print(list(permutations("abc")))
print(list(permutations([1, 2, 3], 2)))
print(list(combinations("abcd", 2)))
print(list(combinations_with_replacement("ab", 2)))
