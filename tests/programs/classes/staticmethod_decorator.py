# Checks @staticmethod: callable on the class and instances without self.
class MathTools:
    @staticmethod
    def add(a, b):
        return a + b
print(MathTools.add(2, 3), MathTools().add(4, 5))
print(type(MathTools.__dict__["add"]).__name__)
