# Checks annotated assignments: values bind, bare annotations do not, module __annotations__ records them.
count: int = 3
name: str
ratio: float = count / 2
print(count, ratio)
try:
    print(name)
except NameError as error:
    print("NameError:", error)
print(__annotations__)
def f():
    local: list = [1]
    return local
print(f())
