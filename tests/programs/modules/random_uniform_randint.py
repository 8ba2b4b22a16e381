# Checks uniform and randint under a seed, and randint's inclusive bounds.
import random
random.seed(7)
print([round(random.uniform(1, 10), 10) for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print(sorted(set(random.randint(0, 2) for _ in range(50))))
