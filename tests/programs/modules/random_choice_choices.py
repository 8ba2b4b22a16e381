# Checks choice and choices (with weights and k) under a seed, and choice on an empty list.
import random
random.seed(2024)
colors = ["red", "green", "blue", "yellow"]
print([random.choice(colors) for _ in range(5)])
print(random.choices(colors, k=6))
print(random.choices(colors, weights=[10, 1, 1, 0], k=8))
print(random.choices(range(3), cum_weights=[1, 2, 3], k=4))
try:
    random.choice([])
except IndexError as error:
    print("IndexError:", error)
