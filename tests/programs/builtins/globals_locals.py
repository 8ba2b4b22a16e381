# Checks globals() and locals() dictionaries.
top = 1
def f(a):
    b = 2
    return sorted(locals().items())
print(f(0))
print("top" in globals(), globals()["top"], __name__)
