# Checks augmented assignment operators, including in-place list += and on subscripts.
n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n //= 5; print(n)
n **= 3; print(n)
n %= 7; print(n)
n <<= 4; print(n)
n >>= 2; print(n)
n |= 1; n &= 13; n ^= 6; print(n)
f = 7
f /= 2; print(f)
items = [1]
alias = items
items += [2, 3]
print(alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias)
counts = {"a": 1}
counts["a"] += 10
print(counts)
