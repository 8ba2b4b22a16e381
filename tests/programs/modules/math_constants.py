# Checks math.pi, math.e, math.tau, math.inf and math.nan.
import math
print(math.pi, math.e, math.tau)
print(math.inf, -math.inf, math.nan, math.isnan(math.nan))
