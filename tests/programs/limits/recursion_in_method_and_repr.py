# Checks RecursionError from mutually recursive methods is catchable and the program recovers.
class Node:
    def __init__(self):
        self.other = self
    def ping(self):
        return self.other.pong()
    def pong(self):
        return self.ping()
try:
    Node().ping()
except RecursionError:
    print("caught RecursionError from mutual recursion")
print(sum(range(10)))
