# Checks a form feed at the start of a line resets the indentation count.
if True:
    x = 1
print(x)

print("ff")
