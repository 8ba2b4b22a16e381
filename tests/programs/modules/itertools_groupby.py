# Checks groupby groups consecutive equal keys only.
from itertools import groupby
print([(key, list(group)) for key, group in groupby("aaabbcaa")])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for letter, group in groupby(words, key=lambda w: w[0]):
    print(letter, list(group))
print([k for k, _ in groupby(sorted("mississippi"))])
