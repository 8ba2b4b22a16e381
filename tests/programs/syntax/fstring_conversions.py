# Checks the !r, !s and !a conversions in f-strings.
text = "café\n"
print(f"{text!r}")
print(f"{text!s}", end="|\n")
print(f"{text!a}")
class Thing:
    def __repr__(self):
        return "Thing()"
    def __str__(self):
        return "a thing"
t = Thing()
print(f"{t} {t!r} {t!s}")
print(f"{'x'!r:>6}")
