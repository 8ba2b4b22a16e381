# Checks a missing key raises KeyError with repr'd key and an unhashable key raises TypeError.
d = {"a": 1}
try:
    d["b"]
except KeyError as error:
    print("KeyError:", error, repr(error))
try:
    d[["list"]] = 1
except TypeError as error:
    print("TypeError:", error)
print({1: "int", 1.0: "float", True: "bool"})
