# Checks math functions with exactly representable results.
import math
print(math.sqrt(16), math.sqrt(2) ** 2 == 2, math.isqrt(99), math.pow(2, 10))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(3), type(math.floor(2.5)).__name__)
print(math.fabs(-3), math.copysign(3, -0.0), math.fmod(-7, 3), math.hypot(3, 4))
print(math.log(1), math.log2(1024), math.log10(1000), math.exp(0), math.log(8, 2))
print(math.sin(0), math.cos(0), math.atan2(0, 1), math.degrees(math.pi), math.radians(180) == math.pi)
print(round(math.sin(math.pi / 6), 12), round(math.e ** 2, 10))
