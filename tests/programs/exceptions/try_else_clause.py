# Checks the else clause runs only when the try body raised nothing.
def attempt(value):
    try:
        result = 10 / value
    except ZeroDivisionError:
        print("cannot divide by", value)
    else:
        print("result", result)
attempt(4)
attempt(0)
