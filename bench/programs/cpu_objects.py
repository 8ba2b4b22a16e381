# CPU-bound: the dict, str and class work of everyday scripts — word counting, method
# calls, attribute access, string building.
import time


class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


start = time.perf_counter()
words = "the quick brown fox jumps over the lazy dog and the cat".split()
counts = {}
for i in range(200000):
    word = words[i % len(words)]
    counts[word] = counts.get(word, 0) + 1
accounts = [Account("user" + str(i)) for i in range(1000)]
for round_number in range(100):
    for account in accounts:
        account.deposit(round_number)
report = ", ".join(repr(account) for account in accounts[:3])
text = "-".join(sorted(counts, key=counts.get))
elapsed = time.perf_counter() - start
print(counts["the"], report, len(text))
print("elapsed", elapsed)
