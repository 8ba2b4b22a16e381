# Checks an uncaught ZeroDivisionError from integer division.
def average(values):
    return sum(values) / len(values)
print(average([]))
