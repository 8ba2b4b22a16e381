# Checks argument-count messages of methods count self as CPython does.
class Robot:
    def move(self, steps):
        return steps
try:
    Robot().move()
except TypeError as error:
    print("TypeError:", error)
try:
    Robot().move(1, 2)
except TypeError as error:
    print("TypeError:", error)
try:
    Robot(1)
except TypeError as error:
    print("TypeError:", error)
Robot().move(steps=1, speed=2)
