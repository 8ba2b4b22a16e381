# Checks an uncaught AttributeError on a builtin type.
items = [1, 2, 3]
items.push(4)
