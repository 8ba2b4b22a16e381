# Checks importing a missing module raises ModuleNotFoundError (an ImportError).
try:
    import no_such_module_here
except ImportError as error:
    print(type(error).__name__, error, error.name)
try:
    from json import no_such_name
except ImportError as error:
    print(type(error).__name__, str(error).split(" (")[0], error.name)
