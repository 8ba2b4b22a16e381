# Checks the 'Perhaps you forgot a comma?' SyntaxError between two call arguments.
print(1 2)
