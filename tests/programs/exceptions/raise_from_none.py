# Checks raise ... from None suppresses the context in the traceback.
def lookup(key):
    try:
        return {"a": 1}[key]
    except KeyError:
        raise LookupError(f"no setting {key!r}") from None
try:
    lookup("b")
except LookupError as error:
    print(error, error.__cause__, error.__suppress_context__, repr(error.__context__))
