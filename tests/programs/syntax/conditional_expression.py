# Checks the conditional expression, its laziness and right-to-left nesting.
def loud(value):
    print("computing", value)
    return value

for n in (-3, 0, 7):
    kind = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, kind)
print(loud("yes") if True else loud("no"))
print(loud("yes") if False else loud("no"))
print([x if x % 2 else -x for x in range(5)])
