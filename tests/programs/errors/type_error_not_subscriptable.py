# Checks the TypeError for subscripting a non-subscriptable value.
value = 42
print(value[0])
