# Checks raise ... from sets __cause__ and __suppress_context__.
class ConfigError(Exception):
    pass
def load():
    try:
        int("abc")
    except ValueError as error:
        raise ConfigError("bad config") from error
try:
    load()
except ConfigError as error:
    print(repr(error))
    print(repr(error.__cause__))
    print(error.__suppress_context__, error.__context__ is error.__cause__)
