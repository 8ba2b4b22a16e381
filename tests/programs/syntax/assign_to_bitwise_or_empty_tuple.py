# Regression (found by fuzz/compile_fuzzer): assigning an empty tuple to a `|`/`&`-level
# expression read the first element of the empty tuple while choosing the message
# (UBSan: reference binding to null pointer in assignment_looks_like_comparison).
print("never printed")
x & y = ()
