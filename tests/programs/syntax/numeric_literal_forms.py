# Checks numeric literals: hex, octal, binary, underscores, floats with exponents.
print(0xFF, 0o17, 0b1010, 1_000_000)
print(1e3, 2.5e-3, .5, 5., 1_0.5)
print(0x_ff, 0b_1_0)
print(type(1e3).__name__, type(10).__name__)
