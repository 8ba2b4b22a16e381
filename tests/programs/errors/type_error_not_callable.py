# Checks the TypeError for calling a non-callable value.
numbers = [1, 2, 3]
numbers()
