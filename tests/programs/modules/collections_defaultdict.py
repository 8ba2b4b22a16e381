# Checks defaultdict with list, int and a lambda factory; missing keys are created on access.
from collections import defaultdict
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "cherry", "blueberry"]:
    groups[word[0]].append(word)
print(dict(groups))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts)
d = defaultdict(lambda: "unknown")
print(d["x"], len(d), "y" in d)
