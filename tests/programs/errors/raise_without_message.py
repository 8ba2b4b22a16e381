# Checks the last traceback line for an exception raised without arguments.
raise RuntimeError
