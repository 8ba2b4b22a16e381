# Checks AttributeError's "Did you mean" suggestion for an instance attribute.
class Account:
    def __init__(self):
        self.balance = 100
account = Account()
print(account.balanse)
