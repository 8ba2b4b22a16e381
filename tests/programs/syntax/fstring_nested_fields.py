# Checks f-strings with expressions, nested replacement fields inside format specs, and quotes.
name = "Ada"
width = 10
precision = 3
value = 3.14159
print(f"{name}")
print(f"[{name:>{width}}]")
print(f"{value:.{precision}f}")
print(f"{'quoted'} and {name!r}")
print(f"{[n * 2 for n in range(3)]}")
print(f"{{literal braces}} {1 + 1}")
items = {"k": "v"}
print(f"{items['k']} {len(items)}")
print(f"{name + '!' * 2}")
