# Checks positional-only parameters (before /) reject keyword use.
def divide(a, b, /, *, round_result=False):
    result = a / b
    return round(result) if round_result else result

print(divide(7, 2), divide(7, 2, round_result=True))
try:
    divide(a=7, b=2)
except TypeError as error:
    print("TypeError:", error)
