# Checks a traceback through a method call and a custom exception with a message.
class InsufficientFunds(Exception):
    pass
class Wallet:
    def __init__(self, money):
        self.money = money
    def pay(self, amount):
        if amount > self.money:
            raise InsufficientFunds(f"need {amount}, have {self.money}")
        self.money -= amount
wallet = Wallet(10)
wallet.pay(3)
wallet.pay(20)
