# Checks math's ValueError messages for domain errors.
import math
for call in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.acos(2)):
    try:
        call()
    except ValueError as error:
        print("ValueError:", error)
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1))
