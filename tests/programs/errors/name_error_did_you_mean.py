# Checks NameError's "Did you mean" suggestion for a misspelt local name.
def total(numbers):
    result = 0
    for number in numbers:
        result += number
    return reslt
total([1, 2])
