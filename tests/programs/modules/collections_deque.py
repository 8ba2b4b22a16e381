# Checks deque append/appendleft/pop/popleft, maxlen dropping from the other end, rotate.
from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d)
d.rotate(1)
print(d)
d.extend([7, 8]); d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1])
window = deque(maxlen=3)
for n in range(6):
    window.append(n)
print(window, window.maxlen)
try:
    deque().pop()
except IndexError as error:
    print("IndexError:", error)
