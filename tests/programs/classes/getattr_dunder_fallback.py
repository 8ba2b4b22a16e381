# Checks __getattr__ is called only for missing attributes.
class Lazy:
    def __init__(self):
        self.real = "present"
    def __getattr__(self, name):
        print("computing", name)
        return name.upper()
obj = Lazy()
print(obj.real)
print(obj.missing)
print(getattr(obj, "other", "default"))
