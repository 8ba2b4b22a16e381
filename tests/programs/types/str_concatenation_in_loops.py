# Building strings with += and s = s + t: every name that held the old text keeps it (the
# interpreter appends in place only when nothing else can see the string), at module
# level, in functions, through `global`, in closures, with non-ASCII text and subclasses.
text = "ab"
alias = text
text += "cd"
print(text, alias)

parts = ""
for n in range(5):
    parts += str(n)
    parts = parts + "-"
print(parts, len(parts))

items = {"key": "v"}
saved = items["key"]
items["key"] += "w"
print(items, saved)

def build(count):
    out = ""
    seen = []
    for n in range(count):
        out += "é" if n % 2 else "x"
        if n % 3 == 0:
            seen.append(out)
    return out, seen

print(build(7))

counter = ""
def bump():
    global counter
    counter += "+"
    before = counter
    counter = counter + "!"
    return before

print(bump(), bump(), counter)

def outer():
    acc = "start"
    def add(piece):
        nonlocal acc
        acc += piece
        return acc
    add("1")
    first = add("2")
    add("3")
    return first, acc

print(outer())

class Text(str):
    pass

label = Text("sub")
label += "class"
print(label, type(label).__name__)

key = "k"
table = {key + "1": 1}
name = key + "1"
name += "2"
print(table, name, len(name), hash(name) == hash("k12"))

long_text = ""
for n in range(2000):
    long_text += "ü"
print(len(long_text), long_text[-3:], long_text.isascii(), len(long_text.encode()))
