# Checks __iter__ written as a generator makes a re-iterable container.
class Deck:
    def __init__(self, cards):
        self.cards = cards
    def __iter__(self):
        for card in self.cards:
            yield card.upper()
deck = Deck(["a", "k", "q"])
print(list(deck), list(deck))
print("K" in deck, "z" in deck)
