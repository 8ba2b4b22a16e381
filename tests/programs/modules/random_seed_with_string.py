# Checks random.seed with a str seed gives CPython's stream (version 2 seeding hashes with SHA-512).
import random
random.seed("hello")
print(random.random(), random.randint(1, 100))
random.seed("hello")
print(random.random())
random.seed(b"bytes seed")
print(random.random())
