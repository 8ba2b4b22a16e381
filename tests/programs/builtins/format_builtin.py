# Checks format() with specs on numbers and strings, and the default empty spec.
print(format(3.14159, ".2f"), format(42, "05d"), format(255, "x"), format("hi", ">5"), format(0.25, "%"))
print(format(1234567, ","), format(12), format(True), repr(format("s", "")))
try:
    format("text", "d")
except ValueError as error:
    print("ValueError:", error)
