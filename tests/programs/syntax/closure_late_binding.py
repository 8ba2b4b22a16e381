# Checks closures see the variable's latest value (late binding) unless bound via a default.
functions = []
for i in range(3):
    functions.append(lambda: i)
print([f() for f in functions])
bound = [lambda i=i: i for i in range(3)]
print([f() for f in bound])
def outer():
    x = "before"
    def inner():
        return x
    x = "after"
    return inner()
print(outer())
