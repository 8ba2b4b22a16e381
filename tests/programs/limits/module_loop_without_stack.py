# Regression (found by fuzz/run_fuzzer): module code that is one endless loop using no
# value stack (its return is unreachable) got a frame with no slots, and making it called
# memset on a null pointer (UBSan: "null pointer passed as argument 1").
while True:
    raise
