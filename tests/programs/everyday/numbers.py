# Checks everyday arithmetic: int and float operators, powers, division, rounding and the numeric builtins.
values = [7, -3, 12, 0, 5]
total = 0
for n in values:
    total += n * n - n // 2 + n % 3
print(total, sum(values), min(values), max(values), abs(-4), divmod(17, 5))
print(sum(i ** 2 for i in range(100)), 2 ** 10, 2 ** -1, 7 / 2, 7 // 2, -7 // 2, -7 % 3)
x = 1.5
y = x * 3 - 0.25
print(y, round(y), round(y, 1), int(y), float(3), x < y, x == 1.5, y >= 4.25)
print(int("42") + 1, float("2.5") * 2, str(255), hex(255), bin(5), 10 ** 20 + 1)
count = 0
while count < 10:
    count += 3
print(count, count != 12, not count, 3 if count > 5 else 4)
