def parse(text):
    return int(text)


def load(values):
    total = 0
    for value in values:
        total = total + parse(value)
    return total


try:
    load(["1", "x"])
except ValueError:
    data = {"a": [1, 2]}
    print(data["a"][5])
