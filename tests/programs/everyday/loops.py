# Checks the operations most loops are made of: int arithmetic and comparison, len/sum/range, indexing, dict and list updates, str building, attribute access and method calls.
class Counter:
    def __init__(self):
        self.total = 0

    def add(self, amount):
        self.total += amount


words = "the quick brown fox jumps over the lazy dog".split()
counts = {}
lengths = []
counter = Counter()
text = ""
squares = 0
for i in range(1000):
    word = words[i % len(words)]
    counts[word] = counts.get(word, 0) + 1
    if len(word) > 3 and i % 7 != 0:
        lengths.append(len(word))
    counter.add(i * 2 - i // 3)
    squares += i ** 2
    text += str(i)
    text += " "
print(sorted(counts.items()), sum(lengths), max(lengths), counter.total, squares)
print(len(text), text[:20], "-".join(sorted(counts, key=counts.get)[:3]))
print(sum(i * i for i in range(100)), [n for n in range(20) if n % 3 == 0], min(lengths))
