# Checks __new__ runs before __init__ and can return a cached instance.
class Singleton:
    instance = None
    def __new__(cls):
        print("__new__")
        if cls.instance is None:
            cls.instance = super().__new__(cls)
        return cls.instance
    def __init__(self):
        print("__init__")
a = Singleton()
b = Singleton()
print(a is b)
