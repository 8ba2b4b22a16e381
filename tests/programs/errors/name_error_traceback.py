# Checks an uncaught NameError prints a traceback and exits with status 1.
print("before")
print(undefined_variable)
