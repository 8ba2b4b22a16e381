# Checks that a fuzzing find, unclosed nested comprehensions with an unterminated string
# further on, gets CPython's error at once: compile_fuzzer took 186 ms on it before the
# parser remembered failed brackets, 2 ms since.
# Checks2 for
print(sorped({n % 2 for ({n % 2 for n({faulan % 0 for n({fjd({n % 2 for
print(sorped({n % 2 for ({n % 2 for n(t(sorped({n % 2 for ({n % 2 for n({faulan % 0 for n({fjd({n % 2 for
print(sorped({n % 2 for ({n % 2 for n({faulan % 0 for n({fjd({n % 2 for
print(rped({n % 2 for ({n % 2 for n({faultjd({nnd(random.gauss(100, 15), 10)+
print(round(random.nofllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllaulan % 0 for n({fjd({n % 2 for
print(rped({n % 2%for ({n % 2 for n({ror for an async comprehensikn in a plain function.
def f(source):
 2 fo# Ch>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>lls through to laterturn [x async for nsVector.__neg__lala"r cases.
def sign(n):
    match n:
        case int() i  yield freturnlambda:n int"

: dxe in sourf force gn("n))]


