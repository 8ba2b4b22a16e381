# Checks LEGB name resolution: local, enclosing, global, builtin; class bodies are not enclosing.
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer())
class C:
    x = "class"
    def method(self):
        return x
print(C().method(), C.x)
def shadow():
    len = lambda s: -1
    return len("abc")
print(shadow(), len("abc"))
