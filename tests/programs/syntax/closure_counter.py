# Checks closures capturing variables that outlive their defining call.
def make_counter(start):
    count = start
    def next_value():
        nonlocal count
        count += 1
        return count
    return next_value

a = make_counter(0)
b = make_counter(100)
print(a(), a(), b(), a(), b())
def make_multiplier(factor):
    return lambda x: x * factor
double = make_multiplier(2)
print(double(21), double.__closure__[0].cell_contents)
