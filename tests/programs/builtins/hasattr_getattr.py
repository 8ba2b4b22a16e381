# Checks hasattr and getattr with and without a default.
class Config:
    debug = True
c = Config()
print(hasattr(c, "debug"), hasattr(c, "verbose"), hasattr("s", "upper"))
print(getattr(c, "debug"), getattr(c, "verbose", "no such attribute"))
print(getattr("abc", "upper")())
try:
    getattr(c, "verbose")
except AttributeError as error:
    print("AttributeError:", error)
