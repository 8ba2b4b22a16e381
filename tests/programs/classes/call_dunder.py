# Checks __call__ makes instances callable and callable() reports it.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, value, *, plus=0):
        return value * self.factor + plus
triple = Multiplier(3)
print(triple(5), triple(5, plus=1), callable(triple), callable(Multiplier))
print(list(map(triple, [1, 2, 3])))
