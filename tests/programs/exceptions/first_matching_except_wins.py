# Checks except clauses are tried in order and only the first match runs.
try:
    raise KeyError("k")
except LookupError:
    print("LookupError clause")
except KeyError:
    print("KeyError clause (never reached)")
