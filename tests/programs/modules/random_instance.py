# Checks independent random.Random instances with their own seeds.
import random
a = random.Random(1)
b = random.Random(1)
print(a.random() == b.random(), a.randint(0, 1000), b.randint(0, 1000))
state = a.getstate()
x = a.random()
a.setstate(state)
print(a.random() == x)
