# Checks gcd, lcm, factorial, comb, perm and prod on integers.
import math
print(math.gcd(48, 18), math.gcd(0, 5), math.lcm(4, 6), math.gcd(2 ** 100, 6 ** 50))
print(math.factorial(20), math.factorial(25))
print(math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.prod([]))
