# Checks __getitem__, __setitem__ and __delitem__, including slice keys.
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(str(key), ".")
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[str(key)] = value
    def __delitem__(self, key):
        print("del", key)
        del self.cells[str(key)]
g = Grid()
g[0, 1] = "x"
print(g[0, 1], g[2, 2])
del g[0, 1]
print(g[0, 1])
g[1:3] = "slice"
print(g[::2])
