# A plain exception caught by except* arrives wrapped in a group, and a bare raise
# re-raises the group. An uncaught group of 20 shows its first 15 members.
try:
    try:
        raise ValueError("plain")
    except* ValueError as group:
        print(type(group).__name__, repr(group.message), group.exceptions)
        raise
except ExceptionGroup as error:
    print("outside:", repr(error))

try:
    raise ExceptionGroup("many", [ValueError(i) for i in range(20)])
except* TypeError:
    pass
