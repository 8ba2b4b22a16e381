# Checks a module's __name__ is __main__ and module objects expose their names.
import math
print(__name__, math.__name__, type(math).__name__)
if __name__ == "__main__":
    print("running as a script")
