# Checks SystemExit and KeyboardInterrupt are BaseException, not Exception.
try:
    try:
        raise SystemExit(3)
    except Exception:
        print("not here")
except BaseException as error:
    print("BaseException caught", type(error).__name__, error.code)
print(issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, BaseException))
