# Checks &, |, ^, ~, << and >> on positive, negative and big integers.
print(12 & 10, 12 | 10, 12 ^ 10, ~12, ~-1)
print(1 << 70, (1 << 70) >> 68, -16 >> 2, -1 >> 10)
print(-12 & 0xFF, -12 | 3, -12 ^ 5)
print((2 ** 80 - 1) & (2 ** 40 + 5))
print(bin(255 & ~0b1010), (255).bit_count())
