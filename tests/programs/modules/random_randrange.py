# Checks randrange with one, two and three arguments under a seed, and its empty-range error.
import random
random.seed(3)
print([random.randrange(10) for _ in range(5)])
print([random.randrange(5, 10) for _ in range(5)])
print([random.randrange(0, 100, 10) for _ in range(5)])
print(random.randrange(2 ** 80))
try:
    random.randrange(5, 5)
except ValueError as error:
    print("ValueError:", error)
