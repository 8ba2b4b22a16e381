# Checks TypeError messages for unsupported binary and unary operand types.
cases = [lambda: 1 + "a", lambda: "a" - "b", lambda: [1] * 1.5, lambda: -"x", lambda: {} + {}, lambda: None * 2, lambda: ~1.5]
for case in cases:
    try:
        case()
    except TypeError as error:
        print("TypeError:", error)
