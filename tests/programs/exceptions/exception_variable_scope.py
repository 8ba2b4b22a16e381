# Checks that `except ... as name` deletes the name even if it existed before.
error = "before"
try:
    raise ValueError
except ValueError as error:
    pass
print("error" in globals())
