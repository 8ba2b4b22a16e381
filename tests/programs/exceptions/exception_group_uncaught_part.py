# Checks except* re-raises the unmatched part of a group.
try:
    try:
        raise ExceptionGroup("batch", [ValueError("a"), OSError("b")])
    except* ValueError:
        print("handled the ValueError")
except ExceptionGroup as rest:
    print("left over:", rest.message, [type(e).__name__ for e in rest.exceptions])
