# Checks an inner try that does not match lets the outer try handle the exception.
def inner():
    try:
        raise TypeError("inner")
    except ValueError:
        print("never")
    finally:
        print("inner finally")
try:
    inner()
except TypeError as error:
    print("outer caught", error)
