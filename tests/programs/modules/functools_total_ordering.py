# Checks functools.total_ordering filling in comparison methods from __eq__ and __lt__.
from functools import total_ordering
@total_ordering
class Grade:
    def __init__(self, score):
        self.score = score
    def __eq__(self, other):
        return self.score == other.score
    def __lt__(self, other):
        return self.score < other.score
print(Grade(1) <= Grade(2), Grade(3) > Grade(2), Grade(2) >= Grade(2))
