# Checks recursion to depth 900 (below the default limit) works.
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
