# Checks an uncaught KeyError shows the repr of the key.
ages = {"ada": 36}
print(ages["alan"])
