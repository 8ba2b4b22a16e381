# Checks gauss and normalvariate under a seed (rounded to 10 places).
import random
random.seed(5)
print([round(random.gauss(0, 1), 10) for _ in range(4)])
print(round(random.gauss(100, 15), 10))
print(round(random.normalvariate(0, 1), 10))
