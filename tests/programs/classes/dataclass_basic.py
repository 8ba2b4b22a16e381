# Checks @dataclass generates __init__, __repr__ and __eq__.
from dataclasses import dataclass

@dataclass
class Point:
    x: int
    y: int

p = Point(1, 2)
print(p)
print(p == Point(1, 2), p == Point(2, 1))
print(p.x + p.y)
try:
    Point(1)
except TypeError as error:
    print("TypeError:", error)
