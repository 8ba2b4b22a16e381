# Checks finally runs after try/except/else, on success, on exception and on propagation.
def run(mode):
    try:
        print("try", mode)
        if mode == "raise":
            raise ValueError("boom")
        if mode == "escape":
            raise KeyError("escapes")
    except ValueError:
        print("except")
    else:
        print("else")
    finally:
        print("finally")
run("ok")
run("raise")
try:
    run("escape")
except KeyError:
    print("outer caught KeyError")
