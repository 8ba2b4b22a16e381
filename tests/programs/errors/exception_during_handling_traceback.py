# Checks the "During handling of the above exception" traceback ends with the second exception.
data = {}
try:
    data["key"]
except KeyError:
    print(undefined_name)
