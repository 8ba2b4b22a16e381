# Checks class attributes are shared until an instance assignment shadows them.
class Counter:
    count = 0
    shared = []
    def __init__(self):
        Counter.count += 1
a = Counter()
b = Counter()
print(Counter.count, a.count)
a.count = 100
print(a.count, b.count, Counter.count)
a.shared.append("x")
print(b.shared)
print(sorted(k for k in vars(a)))
del a.count
print(a.count)
