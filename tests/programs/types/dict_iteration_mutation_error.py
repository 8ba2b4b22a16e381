# Checks changing a dict's size during iteration raises RuntimeError.
d = {"a": 1, "b": 2}
try:
    for key in d:
        d["new"] = 0
except RuntimeError as error:
    print("RuntimeError:", error)
