# Checks __eq__ with __hash__ makes equal instances collapse in sets and dict keys.
class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __eq__(self, other):
        return (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __repr__(self):
        return f"{self.rank}{self.suit}"
cards = {Card("A", "s"), Card("A", "s"), Card("K", "h")}
print(len(cards))
print(Card("A", "s") in cards, Card("Q", "d") in cards)
counts = {Card("A", "s"): 1}
counts[Card("A", "s")] += 1
print(counts)
print(hash(Card("2", "c")) == hash(Card("2", "c")))
