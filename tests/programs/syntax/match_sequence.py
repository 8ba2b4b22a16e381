# Checks sequence patterns: fixed length, star captures, nested sequences; strings do not match.
def shape(value):
    match value:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *rest]:
            return f"first {first}, rest {rest}"
        case _:
            return "not a sequence"

for value in ([], [1], (1, 2), [1, 2, 3, 4], "ab", range(3)):
    print(repr(value), "->", shape(value))
match [1, [2, 3]]:
    case [a, [b, c]]:
        print("nested", a, b, c)
