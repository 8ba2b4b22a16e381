# except* clauses that raise: the new errors and the unmatched rest leave together.
def check(values):
    errors = [ValueError(v) if v % 2 else TypeError(v) for v in values]
    raise ExceptionGroup("checks", errors + [KeyError("missing")])


try:
    check([1, 2, 3])
except* ValueError as group:
    print("values:", [str(e) for e in group.exceptions])
except* TypeError:
    raise RuntimeError("cannot recover from a type error")
