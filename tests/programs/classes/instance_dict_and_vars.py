# Checks instance attributes live in __dict__ and can be added dynamically.
class Config:
    def __init__(self):
        self.debug = False
c = Config()
c.level = 3
print(c.__dict__)
print(vars(c) is c.__dict__)
c.__dict__["extra"] = "x"
print(c.extra)
