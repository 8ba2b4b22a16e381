# Checks @property with a setter that validates and a deleter.
class Temperature:
    def __init__(self):
        self._celsius = 0
    @property
    def celsius(self):
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        print("setting", value)
        self._celsius = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._celsius = None
t = Temperature()
t.celsius = 25
print(t.celsius)
try:
    t.celsius = -300
except ValueError as error:
    print("ValueError:", error)
del t.celsius
print(t.celsius)
