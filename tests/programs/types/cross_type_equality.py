# Checks equality across numeric types and between unrelated types (False, never an error).
print(1 == 1.0, 1 == True, 0 == False, 1 == "1", [1] == (1,), None == False)
print(hash(1) == hash(1.0) == hash(True), 2 ** 53 + 1 == float(2 ** 53 + 1))
print({1, 1.0, True}, len({0, 0.0, False, ""}))
