# Checks __contains__ drives in / not in.
class EvenNumbers:
    def __contains__(self, value):
        print("checking", value)
        return isinstance(value, int) and value % 2 == 0
evens = EvenNumbers()
print(4 in evens, 5 in evens, 3 not in evens)
