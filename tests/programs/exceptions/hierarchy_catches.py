# Checks base classes catch subclasses: LookupError, ArithmeticError, OSError, Exception; OSError aliases.
cases = [lambda: {}["k"], lambda: [][0], lambda: 1 // 0, lambda: int("x"), lambda: (_ for _ in ()).throw(ConnectionResetError(104, "reset"))]
for case in cases:
    try:
        case()
    except LookupError as error:
        print("LookupError caught", type(error).__name__)
    except ArithmeticError as error:
        print("ArithmeticError caught", type(error).__name__)
    except OSError as error:
        print("OSError caught", type(error).__name__, error.errno)
    except Exception as error:
        print("Exception caught", type(error).__name__)
print([c.__name__ for c in ZeroDivisionError.__mro__])
print(IOError is OSError, issubclass(TimeoutError, OSError))
