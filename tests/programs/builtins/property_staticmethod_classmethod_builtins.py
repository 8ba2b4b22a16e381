# Checks property, staticmethod and classmethod used as plain function calls instead of decorators.
class Account:
    def __init__(self):
        self._balance = 10
    def get_balance(self):
        return self._balance
    balance = property(get_balance)
    def helper():
        return "static"
    helper = staticmethod(helper)
    def create(cls):
        return cls()
    create = classmethod(create)
print(Account().balance, Account.helper(), type(Account.create()).__name__)
