# Checks __iadd__ mutating in place versus falling back to __add__ when absent.
class Bag:
    def __init__(self):
        self.items = []
    def __iadd__(self, item):
        self.items.append(item)
        return self
class Number:
    def __init__(self, value):
        self.value = value
    def __add__(self, other):
        return Number(self.value + other)
bag = Bag()
alias = bag
bag += "apple"
bag += "pear"
print(alias.items, bag is alias)
n = Number(1)
original = n
n += 5
print(n.value, original.value, n is original)
