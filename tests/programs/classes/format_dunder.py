# Checks __format__ receives the format spec from format() and f-strings.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == "short":
            return f"${self.cents // 100}"
        return f"${self.cents / 100:.2f}"
m = Money(1999)
print(f"{m} {m:short}", format(m), format(m, "short"))
