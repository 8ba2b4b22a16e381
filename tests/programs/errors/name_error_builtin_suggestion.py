# Checks NameError suggests a similarly named builtin.
values = [3, 1, 2]
prnt(values)
