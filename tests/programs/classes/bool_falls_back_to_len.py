# Checks truthiness uses __len__ when __bool__ is absent, and is True when neither exists.
class Box:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
class Nothing:
    pass
print(bool(Box(0)), bool(Box(2)), bool(Nothing()))
