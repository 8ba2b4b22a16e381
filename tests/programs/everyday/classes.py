# Checks everyday classes: attributes, methods, properties, inheritance, super, special methods and exceptions.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f"bad amount: {amount}")
        self.balance += amount
        return self.balance

    @property
    def rich(self):
        return self.balance > 100

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"

    def __eq__(self, other):
        return isinstance(other, Account) and self.balance == other.balance


class Savings(Account):
    def deposit(self, amount):
        return super().deposit(amount + 1)


accounts = [Account("ann"), Savings("bob", 50)]
for account in accounts:
    account.deposit(60)
try:
    accounts[0].deposit(-1)
except ValueError as error:
    print("refused:", error)
finally:
    print("checked")
print(accounts, [a.rich for a in accounts], accounts[0] == Account("x", 60), type(accounts[1]).__name__)
print(isinstance(accounts[1], Account), getattr(accounts[0], "owner"), hasattr(accounts[0], "nope"))
print(sorted(accounts, key=lambda a: -a.balance), str(accounts[0]), len(str(accounts)))
