# Checks shuffle (in place) and sample (without replacement) under a seed.
import random
random.seed(99)
deck = list(range(10))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5))
print(random.sample("abcdef", 3))
try:
    random.sample([1, 2], 3)
except ValueError as error:
    print("ValueError:", error)
