# Checks json.dumps(default=...) converting unsupported objects.
import json
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(json.dumps({"p": Point(1, 2)}, default=lambda o: o.__dict__))
print(json.loads('{"x": 1}', object_hook=lambda d: sorted(d.items())))
