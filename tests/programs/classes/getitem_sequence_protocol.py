# Checks that __getitem__ alone makes an object iterable (old sequence protocol, IndexError ends it).
class Squares:
    def __getitem__(self, index):
        if index >= 4:
            raise IndexError(index)
        return index * index
print(list(Squares()))
print(9 in Squares(), 5 in Squares())
for value in Squares():
    print(value, end=" ")
print()
