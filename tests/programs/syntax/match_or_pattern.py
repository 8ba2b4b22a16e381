# Checks or-patterns (|) combining literals and sequence alternatives.
def day_kind(day):
    match day:
        case "sat" | "sun":
            return "weekend"
        case "mon" | "tue" | "wed" | "thu" | "fri":
            return "weekday"
        case _:
            return "unknown"

for day in ("sat", "tue", "xyz"):
    print(day, day_kind(day))
match (1, 2):
    case (1, x) | (x, 1):
        print("x is", x)
