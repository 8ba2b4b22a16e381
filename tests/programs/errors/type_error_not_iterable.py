# Checks the TypeError for iterating over an int.
for item in 10:
    print(item)
