# Checks big-int multiplication, floor division and remainder stay exact.
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a * b)
print(b // a, b % a)
print(a * b // b == a)
print(-a * b)
factorial = 1
for n in range(1, 31):
    factorial *= n
print(factorial)
