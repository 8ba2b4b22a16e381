# Checks guards (case ... if ...): a failing guard falls through to later cases.
def sign(n):
    match n:
        case int() if n < 0:
            return "negative"
        case int() if n > 0:
            return "positive"
        case 0:
            return "zero"
        case _:
            return "not an int"

for n in (-2, 5, 0, "x"):
    print(n, sign(n))
