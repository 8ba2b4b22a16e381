# Checks creating 50,000 small objects and counting them.
class Item:
    def __init__(self, n):
        self.n = n
items = [Item(n) for n in range(50_000)]
print(len(items), sum(item.n for item in items))
