# Checks printf-style % formatting: %s %r %d %i %f %x %o %e %%, widths, dict keys.
print("%s is %d years" % ("Ada", 36))
print("%5.2f|%-6s|%06d|%x|%X|%o|%e" % (3.14159, "ab", 42, 255, 255, 8, 12345.678))
print("%r %s" % ("q", "q"), "%%", "%c" % 65)
print("%(name)s=%(value)03d" % {"name": "x", "value": 7})
print("%+d %+d % d" % (5, -5, 5))
try:
    "%d" % "x"
except TypeError as error:
    print("TypeError:", error)
try:
    "%s %s" % ("one",)
except TypeError as error:
    print("TypeError:", error)
