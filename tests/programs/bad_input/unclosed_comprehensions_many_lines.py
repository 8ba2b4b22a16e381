# Checks that a fuzzing find, lines of unclosed nested comprehensions ending in a
# string, gets CPython's error at once: compile_fuzzer took 203 ms on it before the
# parser remembered failed brackets, 2 ms since.
# Checks that a few lines of unclosed, nested comprehen{faulan % 0 for n({fjd({n % 2 for
print(rped({n % 2 for ({n % 2 for n({faultjd({n % 2 for
print(sosortjd({n % 2 for
print(sorped({n % 2 for ({n % 2 for n({faulan % 0 for n({fjd({n % 2 for
print(rped({n % 2 for ({n % 2 for n({faulan % 0 for n({fjd({n % 3 for
print(sorted({nsVector.__neg_an % 0 for n({fjd({n % 2 for
print(sofromrted({nsVectoz.__neg__lala": def " 