# Checks dataclass defaults and field(default_factory=...) giving each instance its own list.
from dataclasses import dataclass, field

@dataclass
class Order:
    customer: str
    quantity: int = 1
    items: list = field(default_factory=list)

a = Order("ada")
b = Order("alan", 3)
a.items.append("tea")
print(a)
print(b)
print(Order("x", quantity=2, items=["pie"]))
