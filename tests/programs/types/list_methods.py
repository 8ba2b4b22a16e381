# Checks list methods: append, extend, insert, pop, remove, index, count, reverse, clear, copy.
items = [3, 1, 2]
items.append(4)
items.extend([5, 6])
items.insert(0, 0)
items.insert(100, 99)
print(items)
print(items.pop(), items.pop(0), items)
items.remove(2)
print(items, items.index(4), items.count(1))
items.reverse()
print(items)
copy = items.copy()
items.clear()
print(items, copy)
try:
    copy.remove(42)
except ValueError as error:
    print("ValueError:", error)
try:
    [].pop()
except IndexError as error:
    print("IndexError:", error)
