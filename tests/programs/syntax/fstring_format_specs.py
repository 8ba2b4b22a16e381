# Checks f-string format specs: width, alignment, fill, sign, thousands, precision, types.
n = 1234567.891
print(f"{n:,.2f}")
print(f"{42:08d}|{42:<6}|{42:^6}|{42:>6}|")
print(f"{'x':*^7}")
print(f"{255:x} {255:X} {255:o} {255:b} {255:#x} {255:#b}")
print(f"{0.5:%} {0.125:.1%}")
print(f"{3:+d} {-3:+d} {3: d}")
print(f"{1e10:e} {12345.678:g} {0.00001234:g}")
print(f"{1234567:_}")
print(f"{3.0:.0f} {2.5:.0f} {-0.0:.1f}")
