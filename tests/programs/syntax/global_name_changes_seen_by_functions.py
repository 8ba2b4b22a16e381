# Checks that functions and module code see every change of a global or builtin name (the VM caches where it found them).
import builtins


def read_x():
    return x


def length(text):
    return len(text)


x = 1
print(read_x())
x = 2
print(read_x())
globals()["x"] = 3
print(read_x())
del x
try:
    read_x()
except NameError as error:
    print(error)
globals().update(x=4)
print(read_x())
for i in range(100):  # new globals grow the dict and move its entries
    globals()[f"filler{i}"] = i
print(read_x(), filler99)
globals().pop("x")
try:
    print(x)
except NameError as error:
    print("module level:", error)
x = 5
print(x, read_x())

print(length("abc"))
len = lambda text: "module global"
print(length("abc"))
del len
print(length("abc"))
original_len = builtins.len
builtins.len = lambda text: "patched builtin"
print(length("abc"))
del builtins.len
try:
    length("abc")
except NameError as error:
    print(error)
builtins.len = original_len
print(length("abc"))

total = 0
for i in range(5):
    total = total + i
print(total)
