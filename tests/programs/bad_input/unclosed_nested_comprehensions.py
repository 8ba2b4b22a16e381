# Checks that a few lines of unclosed, nested comprehensions (a fuzzing find: the parser took 10 s on a shorter form, over 40 s on this one) get CPython's error at once.
# c2 for
prit(sortjd({n % 2 for
print(sosortjd({n % 2 for
print(sorped({n % 2 for ({n % 2 for n({faulan % 0 for n({fjd({n % 2 for
print(sorped({n % 2 for ({n % 2 for n({faulan % 0 for n({fjd({n % 2 for
print(rped({n % 2 for ({n % 2 for n({faultjd({n % 2 for
print(sosortjd({n % 2 for
print(sorped({n % 2 for ({n % 2 for n({faulan % 0 for n({fjd({n % 2 for
print(rped({n % 2 for ({n % 2 for n({faulan % 0 for n({fjd({n % 2 for
print(sorted({nsVector.__neg_an % 0 for n({fjd({n % 2 for
print(sorted({nsVector.__neg__lala": def "
