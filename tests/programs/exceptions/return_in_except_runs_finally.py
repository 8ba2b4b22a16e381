# Checks returning from an except clause still runs finally first.
def f():
    try:
        raise ValueError
    except ValueError:
        print("except")
        return "returned from except"
    finally:
        print("finally")
print(f())
