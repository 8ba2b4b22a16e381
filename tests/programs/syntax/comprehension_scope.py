# Checks a comprehension's loop variable does not leak into the enclosing scope.
x = "outer"
result = [x for x in range(3)]
print(result, x)
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
class C:
    values = [1, 2]
    doubled = [v * 2 for v in values]
print(C.doubled)
