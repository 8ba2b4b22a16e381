# Checks several simple statements on one line separated by semicolons, and one-line compound bodies.
a = 1; b = 2; print(a + b)
if a: print("one-line if")
for i in range(2): print("loop", i)
while b: b -= 1; print("b is", b)
