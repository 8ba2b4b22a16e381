# Checks inf and nan: creation, arithmetic, comparisons and repr.
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf)
print(nan == nan, nan != nan, inf > 10 ** 300, -inf < -1e308)
print(1e308 * 10, float("-Infinity"))
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0))
