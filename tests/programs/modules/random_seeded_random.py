# Checks random.seed(int) makes random.random() reproducible (the Mersenne Twister stream).
import random
random.seed(42)
print([random.random() for _ in range(5)])
random.seed(42)
print(random.random())
random.seed(0)
print(random.random(), random.getrandbits(32))
