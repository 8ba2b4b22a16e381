# Checks a traceback's source line and carets after a lone carriage return, which ends a
# line as a newline does (a run_fuzzer find: the traceback took a later, shorter line,
# and its carets' columns ran past it: the interpreter aborted).
x = 1y = 2
values = {"a": 1}
print(values["a"], values["missing key"])
print("short")
