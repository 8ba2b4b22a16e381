# Checks pass in function, class, loop and conditional bodies.
def nothing():
    pass

class Empty:
    pass

for _ in range(3):
    pass
if True:
    pass
print(nothing(), type(Empty()).__name__)
