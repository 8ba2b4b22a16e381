# Checks float() from strings, ints, special names and the error message.
print(float("3.5"), float(" 1e3 "), float(7), float(), float("inf"), float("-nan"))
try:
    float("abc")
except ValueError as error:
    print("ValueError:", error)
