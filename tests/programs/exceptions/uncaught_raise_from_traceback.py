# Checks the traceback of an uncaught `raise ... from` shows the cause first (exit 1, last line).
class AppError(Exception):
    pass
try:
    [][1]
except IndexError as error:
    raise AppError("empty list") from error
