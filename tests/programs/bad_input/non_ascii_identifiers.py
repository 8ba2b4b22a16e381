# Checks identifiers in Latin, Greek and CJK letters.
café = 3
π = 3.14159
计数 = 10
def über(α, β=2):
    return α * β
class Élève:
    näme = "Zoë"
print(café, π, 计数, über(4), Élève.näme, Élève.__name__)
