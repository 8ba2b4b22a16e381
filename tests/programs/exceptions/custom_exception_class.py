# Checks user-defined exception classes, their str/repr and catching by base class.
class AppError(Exception):
    pass
class NotFound(AppError):
    pass
try:
    raise NotFound("page /x")
except AppError as error:
    print(type(error).__name__, str(error), repr(error))
print(issubclass(NotFound, Exception), NotFound.__mro__[2].__name__)
