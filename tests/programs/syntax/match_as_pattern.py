# Checks as-patterns binding a whole sub-pattern's value.
def check(value):
    match value:
        case [("a" | "b") as letter, int() as number]:
            return f"letter {letter} number {number}"
        case {"id": (int() | str()) as ident}:
            return f"id {ident!r}"
        case (1 | 2 | 3) as small:
            return f"small {small}"
    return "no match"

print(check(["a", 5]))
print(check(["c", 5]))
print(check({"id": "x7"}))
print(check(2))
