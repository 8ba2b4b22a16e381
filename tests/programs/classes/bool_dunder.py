# Checks __bool__ drives if/not/and/or; a non-bool return is a TypeError.
class Switch:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        print("asked", self.on)
        return self.on
if Switch(True):
    print("on")
print(not Switch(False))
print(Switch(False) or "fallback")
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as error:
    print("TypeError:", error)
