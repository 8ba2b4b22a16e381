# Checks ExceptionGroup with except* splitting the group by type.
try:
    raise ExceptionGroup("several", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as group:
    print("values:", [str(e) for e in group.exceptions])
except* TypeError as group:
    print("types:", [str(e) for e in group.exceptions])
eg = ExceptionGroup("msg", [KeyError("k")])
print(repr(eg), str(eg), eg.message)
